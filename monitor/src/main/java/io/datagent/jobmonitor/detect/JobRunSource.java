package io.datagent.jobmonitor.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the monitor reads job runs: the Databricks Jobs API 2.2 ({@code DatabricksJobsClient}) or the runs the
 * local runtime recorded ({@code LocalJobsClient}), in the same JSON shapes.
 */
public interface JobRunSource {

  /** One page of {@code runs/list}, most recently started first. */
  RunPage listRuns(RunQuery query);

  /** {@code runs/get}, with every task (pages through runs with more than 100 tasks). */
  JobRun getRun(long runId);

  /** {@code runs/get-output} of one <em>task</em> run: error, error trace, logs. */
  RunOutput getRunOutput(long taskRunId);

  /** Every page of a query. */
  default List<JobRun> listAll(RunQuery query) {
    List<JobRun> all = new ArrayList<>();
    RunQuery q = query;
    while (true) {
      RunPage page = listRuns(q);
      all.addAll(page.runs());
      if (!page.hasMore() || page.nextPageToken() == null || page.nextPageToken().isEmpty()) {
        return all;
      }
      q = q.page(page.nextPageToken());
    }
  }
}
