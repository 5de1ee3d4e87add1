package io.datagent.platform.jobs;

import com.databricks.sdk.service.jobs.GetRunOutputRequest;
import com.databricks.sdk.service.jobs.GetRunRequest;
import com.databricks.sdk.service.jobs.ListRunsRequest;
import com.databricks.sdk.service.jobs.ListRunsResponse;
import com.databricks.sdk.service.jobs.RepairHistoryItem;
import com.databricks.sdk.service.jobs.RepairRun;
import com.databricks.sdk.service.jobs.Run;
import com.databricks.sdk.service.jobs.RunNow;
import com.databricks.sdk.service.jobs.RunOutput;
import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformException;
import java.util.Map;

/**
 * The Jobs API through the SDK, which calls Jobs API 2.2 ({@code /api/2.2/jobs/runs/list}, {@code runs/get},
 * {@code runs/get-output}, {@code runs/repair}, {@code run-now}). Pages are returned as the API gives them (the
 * service's {@code impl()}), so callers keep their page tokens.
 *
 * <p>Actions are never applied twice: {@code run-now} carries an idempotency token, and a repair whose answer was
 * lost (no response, or a 5xx after the request was sent) is looked up in the run's repair history before the error
 * is reported, so the caller does not repair again what was already repaired.
 */
public final class PlatformJobs {

  private final Platform platform;

  public PlatformJobs(Platform platform) {
    this.platform = platform;
  }

  public ListRunsResponse listRuns(ListRunsRequest request) {
    return platform.call(Operation.of("list job runs", "listar las ejecuciones de los jobs"),
        w -> w.jobs().impl().listRuns(request));
  }

  /** One page of a run (Jobs 2.2 pages runs with more than 100 tasks); {@code pageToken} may be null. */
  public Run getRun(long runId, String pageToken) {
    return platform.call(Operation.of("get job run " + runId, "consultar la ejecución " + runId),
        w -> w.jobs().impl().getRun(new GetRunRequest().setRunId(runId).setPageToken(pageToken)));
  }

  public RunOutput getRunOutput(long taskRunId) {
    return platform.call(Operation.of("get the output of task run " + taskRunId,
        "leer la salida de la tarea " + taskRunId), w -> w.jobs().impl().getRunOutput(new GetRunOutputRequest().setRunId(taskRunId)));
  }

  /**
   * Repairs a run; returns the repair id. When the answer is lost, the run is read again: a repair newer than
   * {@code request.getLatestRepairId()} means the request was applied, and its id is returned instead of an error.
   */
  public long repairRun(RepairRun request) {
    Operation op = Operation.of("repair run " + request.getRunId(), "reparar la ejecución " + request.getRunId());
    try {
      return platform.call(op, w -> w.jobs().impl().repairRun(request)).getRepairId();
    } catch (PlatformException e) {
      if (!e.outcomeUnknown()) {
        throw e;
      }
      Long applied = appliedRepair(request.getRunId(), request.getLatestRepairId());
      if (applied == null) {
        throw e;
      }
      return applied;
    }
  }

  private Long appliedRepair(long runId, Long latestRepairId) {
    Run run = getRun(runId, null);
    Long newest = null;
    if (run.getRepairHistory() != null) {
      for (RepairHistoryItem r : run.getRepairHistory()) {
        boolean isRepair = r.getType() != null && "REPAIR".equals(r.getType().name());
        if (isRepair && r.getId() != null && (latestRepairId == null || r.getId() > latestRepairId)
            && (newest == null || r.getId() > newest)) {
          newest = r.getId();
        }
      }
    }
    return newest;
  }

  /** Starts a job; the same {@code idempotencyToken} twice starts it once. Returns the run id. */
  public long runNow(long jobId, Map<String, String> jobParameters, String idempotencyToken) {
    RunNow req = new RunNow().setJobId(jobId).setIdempotencyToken(idempotencyToken);
    if (!jobParameters.isEmpty()) {
      req.setJobParameters(jobParameters);
    }
    return platform.call(Operation.of("start job " + jobId, "iniciar el job " + jobId),
        w -> w.jobs().impl().runNow(req)).getRunId();
  }

  /** A link to the job in the workspace. */
  public String jobUrl(long jobId) {
    return platform.config().host() + "/jobs/" + jobId;
  }
}
