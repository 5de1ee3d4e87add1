package io.datagent.jobmonitor.detect;

import java.util.List;

/** One page of {@code runs/list}: runs from the most recently started, and the token of the next page. */
public record RunPage(List<JobRun> runs, String nextPageToken, boolean hasMore) {

  public RunPage {
    runs = List.copyOf(runs);
  }
}
