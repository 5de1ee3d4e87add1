package io.datagent.jobmonitor.detect;

import java.util.Map;

/**
 * The monitor's port to a jobs service: read runs ({@link JobRunSource}) and act on them ({@code runs/repair},
 * {@code run-now}). Implementations: {@code DatabricksJobsClient} (REST, Jobs API 2.2) and {@code LocalJobsClient}
 * (runs the local runtime recorded under {@code <workspace>/state/runs/}).
 */
public interface JobsClient extends JobRunSource {

  /** Re-runs the failed tasks of a run with new job parameters; returns the repair id. */
  long repairRun(RepairRequest request);

  /** Starts a job; the idempotency token makes a repeated call return the same run. Returns the run id. */
  long runNow(long jobId, Map<String, String> jobParameters, String idempotencyToken);

  /** A link to the job for emails and the App, or null. */
  default String jobUrl(Long jobId) {
    return null;
  }
}
