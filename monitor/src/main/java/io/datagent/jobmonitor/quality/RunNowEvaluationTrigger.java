package io.datagent.jobmonitor.quality;

import io.datagent.jobmonitor.detect.JobsClient;
import java.util.Map;

/**
 * Starts the optimisation job (the job id from the App's environment, DATAGENT_OPTIMIZE_JOB_ID) with {@code run-now}
 * through the platform's Jobs API; the idempotency token is derived from the supervision window, so a retry after a
 * crash, or another App instance, gets the run already started for that window instead of a second one.
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
    return jobs.runNow(jobId, parameters, token(interventionId, parameters.get("window")));
  }

  /** {@code datagent-optimize-<window key>}, or the intervention id when there is no window (at most 64 characters). */
  static String token(long interventionId, String window) {
    String t = window == null || window.isBlank() ? "datagent-quality-" + interventionId
        : "datagent-optimize-" + window.replaceAll("[^0-9A-Za-z]", "");
    return t.length() > 64 ? t.substring(0, 64) : t;
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
