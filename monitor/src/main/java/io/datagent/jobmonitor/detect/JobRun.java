package io.datagent.jobmonitor.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job run as the Jobs API 2.2 describes it ({@code runs/get}): state, termination details, tasks, job parameters
 * and repair history. The local runtime records {@code ./agent} runs in the same JSON, so one model serves both.
 *
 * <p>The run's <em>attempt</em> is how many repairs it has had: 0 for the original run. The monitor decides once
 * per (run, attempt).
 */
public record JobRun(
    long runId, Long jobId, String runName, String lifeCycleState, String resultState, String stateMessage,
    boolean userCancelledOrTimedout, String terminationCode, String terminationType, long startTime, long endTime,
    String runPageUrl, List<TaskRun> tasks, List<JobParameter> jobParameters, List<RepairEntry> repairs,
    boolean hasMoreTasks) {

  private static final Set<String> ACTIVE = Set.of("QUEUED", "PENDING", "RUNNING", "TERMINATING", "BLOCKED", "WAITING");
  private static final Set<String> NOT_FAILED = Set.of("SUCCESS", "SUCCESS_WITH_FAILURES", "EXCLUDED", "DISABLED");

  public JobRun {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    jobParameters = jobParameters == null ? List.of() : List.copyOf(jobParameters);
    repairs = repairs == null ? List.of() : List.copyOf(repairs);
  }

  public boolean isActive() {
    return lifeCycleState != null && ACTIVE.contains(lifeCycleState);
  }

  public boolean isTerminated() {
    return lifeCycleState != null && !isActive();
  }

  public boolean isFailed() {
    if (!isTerminated() || "SKIPPED".equals(lifeCycleState)) {
      return false;
    }
    if ("INTERNAL_ERROR".equals(lifeCycleState)) {
      return true;
    }
    return resultState != null ? !NOT_FAILED.contains(resultState)
        : terminationCode != null && !"SUCCESS".equals(terminationCode) && !"SKIPPED".equals(terminationCode);
  }

  public int attempt() {
    return (int) repairs.stream().filter(RepairEntry::isRepair).count();
  }

  public Long latestRepairId() {
    Long id = null;
    for (RepairEntry r : repairs) {
      if (r.isRepair()) {
        id = r.id();
      }
    }
    return id;
  }

  /** The latest attempt of each task that failed by itself (not the ones skipped because an upstream task failed). */
  public List<TaskRun> failedTasks() {
    Map<String, TaskRun> latest = new LinkedHashMap<>();
    for (TaskRun t : tasks) {
      TaskRun prev = latest.get(t.taskKey());
      if (prev == null || t.attemptNumber() > prev.attemptNumber()
          || (t.attemptNumber() == prev.attemptNumber() && t.startTime() >= prev.startTime())) {
        latest.put(t.taskKey(), t);
      }
    }
    List<TaskRun> out = new ArrayList<>();
    for (TaskRun t : latest.values()) {
      if (t.failed()) {
        out.add(t);
      }
    }
    return out;
  }

  public Map<String, String> parameterValues() {
    Map<String, String> out = new LinkedHashMap<>();
    for (JobParameter p : jobParameters) {
      out.put(p.name(), p.effective());
    }
    return out;
  }

  public String jobName() {
    return runName;
  }
}
