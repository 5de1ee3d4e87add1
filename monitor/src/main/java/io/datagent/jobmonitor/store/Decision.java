package io.datagent.jobmonitor.store;

import io.datagent.jobmonitor.act.Plan;
import io.datagent.jobmonitor.classify.Classification;
import java.time.Instant;
import java.util.List;

/**
 * One row of {@code monitor.decisions}: what the monitor concluded about a failed (run, attempt) and what it did.
 *
 * @param status     PENDING (intent recorded), ACTING (the action may have left), DONE or FAILED
 * @param outcome    what the action did (REPAIR_SUBMITTED, EMAIL_SENT, ESCALATED, IGNORED, ...)
 * @param resolution how the run ended after a repair (HEALED, FAILED_AGAIN, ...), null until known
 */
public record Decision(
    long id, long runId, int attempt, Long jobId, String jobName, List<String> taskKeys, String runPageUrl,
    String jobUrl, Classification classification, Plan plan, String errorExcerpt, String failureText, Status status,
    Long expectedRepairId, Long repairId, String outcome, String outcomeDetail, int tries, String resolution,
    Instant decidedAt, Instant actedAt, Instant completedAt, Instant resolvedAt, Label label) {

  /** The life of a decision: an intent is written before anything leaves the process. */
  public enum Status { PENDING, ACTING, DONE, FAILED }

  /** A person's verdict on a decision, for accuracy and tuning. */
  public record Label(boolean correct, String category, String note, String by, Instant at) {}

  public Decision {
    taskKeys = taskKeys == null ? List.of() : List.copyOf(taskKeys);
  }
}
