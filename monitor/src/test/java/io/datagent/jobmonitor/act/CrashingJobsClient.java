package io.datagent.jobmonitor.act;

import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.detect.RepairRequest;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.RunPage;
import io.datagent.jobmonitor.detect.RunQuery;
import java.util.Map;

/**
 * The real client, except that the process "dies" (an {@link Error} nothing catches) right before or right after a
 * repair: how the tests stop the monitor in the middle of a decision.
 */
public final class CrashingJobsClient implements JobsClient {

  /** Thrown where the process would have died. */
  public static final class Crash extends Error {
    public Crash(String where) {
      super("simulated crash " + where);
    }
  }

  private final JobsClient delegate;
  private final boolean afterSending;

  public CrashingJobsClient(JobsClient delegate, boolean afterSending) {
    this.delegate = delegate;
    this.afterSending = afterSending;
  }

  @Override
  public RunPage listRuns(RunQuery query) {
    return delegate.listRuns(query);
  }

  @Override
  public JobRun getRun(long runId) {
    return delegate.getRun(runId);
  }

  @Override
  public RunOutput getRunOutput(long taskRunId) {
    return delegate.getRunOutput(taskRunId);
  }

  @Override
  public long repairRun(RepairRequest request) {
    if (!afterSending) {
      throw new Crash("before sending the repair");
    }
    delegate.repairRun(request);
    throw new Crash("after sending the repair");
  }

  @Override
  public long runNow(long jobId, Map<String, String> jobParameters, String idempotencyToken) {
    return delegate.runNow(jobId, jobParameters, idempotencyToken);
  }
}
