package io.datagent.jobmonitor.loopback;

import io.datagent.jobmonitor.detect.JobParameter;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.RepairEntry;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.TaskRun;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state behind {@link LoopbackJobsApi}: runs, task outputs, repairs and run-now requests, changed the way the
 * Jobs service changes them (a repair adds a REPAIR entry and a new task attempt, and refuses a stale
 * {@code latest_repair_id}).
 */
public final class LoopbackRuns {

  /** What a repair does once accepted: finish successfully, fail again, or stay running. */
  public enum RepairOutcome { SUCCEED, FAIL, STAY_RUNNING }

  private final Map<Long, JobRun> runs = new ConcurrentHashMap<>();
  private final Map<Long, RunOutput> outputs = new ConcurrentHashMap<>();
  private final Map<String, Long> runNowTokens = new ConcurrentHashMap<>();
  private volatile RepairOutcome repairOutcome = RepairOutcome.SUCCEED;
  private long nextId = 9_000_000_000L;

  public synchronized void put(JobRun run) {
    runs.put(run.runId(), run);
  }

  public void putOutput(long taskRunId, RunOutput output) {
    outputs.put(taskRunId, output);
  }

  public void repairOutcome(RepairOutcome o) {
    this.repairOutcome = o;
  }

  public JobRun get(long runId) {
    return runs.get(runId);
  }

  public Collection<JobRun> all() {
    return runs.values();
  }

  public RunOutput output(long taskRunId) {
    return outputs.get(taskRunId);
  }

  /** A failed single-task run of a job with the given parameters (name → value) and task output. */
  public JobRun failed(long jobId, String jobName, long runId, long start, long end, String taskKey, String code,
      String stateMessage, Map<String, String> params, RunOutput output) {
    TaskRun t = new TaskRun(runId + 1, taskKey, "TERMINATED", "FAILED", stateMessage, code, 0, start, end, null);
    List<JobParameter> ps = new ArrayList<>();
    params.forEach((k, v) -> ps.add(new JobParameter(k, v, null)));
    JobRun r = new JobRun(runId, jobId, jobName, "TERMINATED", "FAILED", stateMessage, false, code, "CLIENT_ERROR", start,
        end, "https://loopback/jobs/" + jobId + "/runs/" + runId, List.of(t), ps, List.of(), false);
    put(r);
    if (output != null) {
      putOutput(t.runId(), output);
    }
    return r;
  }

  public JobRun succeeded(long jobId, String jobName, long runId, long start, long end) {
    TaskRun t = new TaskRun(runId + 1, "main", "TERMINATED", "SUCCESS", "", "SUCCESS", 0, start, end, null);
    JobRun r = new JobRun(runId, jobId, jobName, "TERMINATED", "SUCCESS", "", false, "SUCCESS", "SUCCESS", start, end,
        null, List.of(t), List.of(), List.of(), false);
    put(r);
    return r;
  }

  public JobRun running(long jobId, String jobName, long runId, long start) {
    TaskRun t = new TaskRun(runId + 1, "main", "RUNNING", null, "", null, 0, start, 0, null);
    JobRun r = new JobRun(runId, jobId, jobName, "RUNNING", null, "", false, null, null, start, 0, null, List.of(t),
        List.of(), List.of(), false);
    put(r);
    return r;
  }

  /** Applies a repair; returns the repair id or throws {@link IllegalArgumentException} like the API's 400. */
  public synchronized long repair(long runId, Long latestRepairId, Map<String, String> params) {
    JobRun r = runs.get(runId);
    if (r == null) {
      throw new IllegalStateException("Run " + runId + " does not exist.");
    }
    if (r.isActive()) {
      throw new IllegalArgumentException("Run " + runId + " is not in a terminal state and cannot be repaired.");
    }
    if (!java.util.Objects.equals(r.latestRepairId(), latestRepairId)) {
      throw new IllegalArgumentException("The latest repair ID " + latestRepairId + " does not match the latest repair "
          + r.latestRepairId() + " of run " + runId + ".");
    }
    long now = System.currentTimeMillis();
    long repairId = ++nextId;
    int attempt = r.attempt() + 1;
    TaskRun failed = r.failedTasks().isEmpty() ? r.tasks().get(0) : r.failedTasks().get(0);
    boolean running = repairOutcome == RepairOutcome.STAY_RUNNING;
    boolean ok = repairOutcome == RepairOutcome.SUCCEED;
    String result = running ? null : ok ? "SUCCESS" : "FAILED";
    TaskRun t = new TaskRun(++nextId, failed.taskKey(), running ? "RUNNING" : "TERMINATED", result,
        ok ? "" : failed.stateMessage(), running ? null : ok ? "SUCCESS" : failed.terminationCode(), attempt, now, now, null);
    List<TaskRun> tasks = new ArrayList<>(r.tasks());
    tasks.add(t);
    List<RepairEntry> repairs = new ArrayList<>(r.repairs());
    if (repairs.isEmpty()) {
      repairs.add(new RepairEntry("ORIGINAL", r.runId(), r.startTime(), r.endTime(), "TERMINATED", r.resultState(),
          r.tasks().stream().map(TaskRun::runId).toList()));
    }
    repairs.add(new RepairEntry("REPAIR", repairId, now, running ? 0 : now, running ? "RUNNING" : "TERMINATED", result,
        List.of(t.runId())));
    List<JobParameter> ps = new ArrayList<>();
    for (JobParameter p : r.jobParameters()) {
      ps.add(params.containsKey(p.name()) ? new JobParameter(p.name(), p.defaultValue(), params.get(p.name())) : p);
    }
    runs.put(runId, new JobRun(runId, r.jobId(), r.runName(), running ? "RUNNING" : "TERMINATED", result,
        r.stateMessage(), false, running ? null : ok ? "SUCCESS" : r.terminationCode(), r.terminationType(), r.startTime(),
        running ? 0 : now, r.runPageUrl(), tasks, ps, repairs, false));
    if (!ok && !running) {
      RunOutput o = outputs.get(failed.runId());
      if (o != null) {
        outputs.put(t.runId(), o);
      }
    }
    return repairId;
  }

  public synchronized long runNow(long jobId, String token) {
    if (token != null && runNowTokens.containsKey(token)) {
      return runNowTokens.get(token);
    }
    long id = ++nextId;
    running(jobId, "job " + jobId, id, System.currentTimeMillis());
    if (token != null) {
      runNowTokens.put(token, id);
    }
    return id;
  }
}
