package io.datagent.jobmonitor.quality;

import io.datagent.jobmonitor.detect.JobsClient;
import java.util.Map;

/**
 * Starts the evaluation/optimization job with {@code run-now}; the idempotency token is derived from the
 * intervention id, so a retry after a crash returns the run already started instead of a second one.
 */
public final class RunNowEvaluationTrigger implements EvaluationTrigger {

  private final JobsClient jobs;
  private final long jobId;

  public RunNowEvaluationTrigger(JobsClient jobs, long jobId) {
    this.jobs = jobs;
    this.jobId = jobId;
  }

  @Override
  public Long start(long interventionId, Map<String, String> parameters) {
    return jobs.runNow(jobId, parameters, "datagent-quality-" + interventionId);
  }

  @Override
  public String action() {
    return "RUN_NOW";
  }

  @Override
  public Long jobId() {
    return jobId;
  }
}
