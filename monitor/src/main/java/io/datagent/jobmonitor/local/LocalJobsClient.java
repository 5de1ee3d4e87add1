package io.datagent.jobmonitor.local;

import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.detect.JobsException;
import io.datagent.jobmonitor.detect.RepairRequest;
import io.datagent.jobmonitor.detect.RunJson;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.RunPage;
import io.datagent.jobmonitor.detect.RunQuery;
import io.datagent.jobmonitor.detect.TaskRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@link JobsClient} over the runs the local runtime recorded ({@link LocalRunFiles}): the monitor supervises real
 * {@code ./agent ingest|embed|maintain} runs with the same code path as on Databricks. A run whose process died
 * without recording its end is closed as failed ({@code DRIVER_ERROR}) when it is read.
 */
public final class LocalJobsClient implements JobsClient {

  private final LocalRunFiles files;
  private final LocalRepairs repairs;

  public LocalJobsClient(LocalRunFiles files, LocalRepairs repairs) {
    this.files = files;
    this.repairs = repairs;
  }

  public LocalRunFiles files() {
    return files;
  }

  @Override
  public RunPage listRuns(RunQuery q) {
    List<JobRun> match = new ArrayList<>();
    for (JobRun r : files.all()) {
      JobRun x = settleIfDead(r);
      if ((q.completedOnly() && !x.isTerminated()) || (q.activeOnly() && !x.isActive())
          || (q.startTimeFrom() != null && x.startTime() < q.startTimeFrom())
          || (q.jobId() != null && !q.jobId().equals(x.jobId()))) {
        continue;
      }
      match.add(x);
    }
    match.sort(Comparator.comparingLong(JobRun::startTime).reversed().thenComparing(JobRun::runId, Comparator.reverseOrder()));
    int from = q.pageToken() == null || q.pageToken().isEmpty() ? 0 : Integer.parseInt(q.pageToken());
    int to = Math.min(match.size(), from + Math.max(1, q.limit()));
    boolean more = to < match.size();
    return new RunPage(match.subList(from, to), more ? String.valueOf(to) : null, more);
  }

  @Override
  public JobRun getRun(long runId) {
    return settleIfDead(files.read(runId).orElseThrow(() -> new JobsException("Run " + runId + " does not exist", false)));
  }

  @Override
  public RunOutput getRunOutput(long taskRunId) {
    return files.output(taskRunId);
  }

  @Override
  public long repairRun(RepairRequest request) {
    JobRun repaired = files.startRepair(request.runId(), request.latestRepairId(), request.jobParameters());
    repairs.execute(files, repaired, files.command(request.runId()).orElse(null));
    return repaired.latestRepairId();
  }

  @Override
  public long runNow(long jobId, Map<String, String> jobParameters, String idempotencyToken) {
    // Locally nothing can be started by id: record the request (the quality supervisor uses RecordingEvaluationTrigger).
    try {
      Path f = files.dir().resolve("run-now").resolve((idempotencyToken == null ? "run" : idempotencyToken) + ".json");
      Files.createDirectories(f.getParent());
      Files.writeString(f, RunJson.MAPPER.createObjectNode().put("job_id", jobId)
          .set("job_parameters", RunJson.MAPPER.valueToTree(jobParameters)).toString());
    } catch (java.io.IOException e) {
      throw new JobsException("cannot record run-now: " + e, true);
    }
    return 0;
  }

  private JobRun settleIfDead(JobRun r) {
    if (!r.isActive()) {
      return r;
    }
    long pid = files.command(r.runId()).map(LocalCommand::pid).orElse(0L);
    boolean repairPending = r.repairs().size() > 1 && "PENDING".equals(r.repairs().get(r.repairs().size() - 1).lifeCycleState());
    if (pid <= 0 || repairPending || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return r;
    }
    TaskRun last = r.tasks().isEmpty() ? null : r.tasks().get(r.tasks().size() - 1);
    return files.finish(r.runId(), false, "DRIVER_ERROR",
        "El proceso " + pid + " terminó sin registrar el resultado (interrumpido o sin memoria)",
        new RunOutput("El proceso de ./agent " + (last == null ? "" : last.taskKey()) + " terminó de forma abrupta", null, null, false));
  }
}
