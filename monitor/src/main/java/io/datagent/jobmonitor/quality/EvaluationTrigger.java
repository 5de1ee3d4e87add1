package io.datagent.jobmonitor.quality;

import java.util.Map;

/**
 * Starts the agent's evaluation/optimization when quality drops: {@link RunNowEvaluationTrigger} (the Databricks job,
 * run-now with an idempotency token) or {@link RecordingEvaluationTrigger} (locally: the intervention is recorded).
 */
public interface EvaluationTrigger {

  /**
   * Starts the optimisation for intervention {@code id}; returns the run id, or null when recorded or run in process.
   * {@code parameters} hold {@code reason} and {@code window} (the supervision window's key).
   */
  Long start(long interventionId, Map<String, String> parameters);

  /** What {@link #start} does, e.g. {@code RUN_NOW job 42} or {@code RECORDED}. */
  String action();

  Long jobId();

  /** True when {@link #start} runs the job in this process (no run id; the job reports its own outcome). */
  default boolean inProcess() {
    return false;
  }
}
