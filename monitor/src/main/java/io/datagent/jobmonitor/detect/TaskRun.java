package io.datagent.jobmonitor.detect;

import java.util.Set;

/**
 * One task run of a job run, as the Jobs API 2.2 reports it in {@code runs/get} and {@code runs/list?expand_tasks}.
 *
 * @param runsAnotherJob a {@code run_job_task}: its failure is the child job's, which the monitor handles in the
 *                       child's own run
 */
public record TaskRun(
    long runId, String taskKey, String lifeCycleState, String resultState, String stateMessage,
    String terminationCode, int attemptNumber, long startTime, long endTime, String runPageUrl, boolean runsAnotherJob) {

  public TaskRun(long runId, String taskKey, String lifeCycleState, String resultState, String stateMessage,
      String terminationCode, int attemptNumber, long startTime, long endTime, String runPageUrl) {
    this(runId, taskKey, lifeCycleState, resultState, stateMessage, terminationCode, attemptNumber, startTime, endTime,
        runPageUrl, false);
  }

  private static final Set<String> FAILED = Set.of("FAILED", "TIMEDOUT", "CANCELED", "INTERNAL_ERROR");

  /** Failed by itself; {@code UPSTREAM_FAILED}/{@code EXCLUDED} tasks only follow another task's failure. */
  public boolean failed() {
    return (resultState != null && FAILED.contains(resultState)) || "INTERNAL_ERROR".equals(lifeCycleState);
  }
}
