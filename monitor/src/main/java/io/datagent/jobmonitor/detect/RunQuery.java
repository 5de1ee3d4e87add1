package io.datagent.jobmonitor.detect;

/**
 * One {@code runs/list} request: completed or active runs that started at or after {@code startTimeFrom} (epoch ms),
 * one page of at most {@code limit} (the API allows 1..25), with their tasks when {@code expandTasks}.
 */
public record RunQuery(boolean completedOnly, boolean activeOnly, Long startTimeFrom, Long jobId, String pageToken,
    int limit, boolean expandTasks) {

  public static RunQuery completedSince(long startTimeFrom) {
    return new RunQuery(true, false, startTimeFrom, null, null, 25, true);
  }

  public static RunQuery active() {
    return new RunQuery(false, true, null, null, null, 25, false);
  }

  public RunQuery page(String token) {
    return new RunQuery(completedOnly, activeOnly, startTimeFrom, jobId, token, limit, expandTasks);
  }
}
