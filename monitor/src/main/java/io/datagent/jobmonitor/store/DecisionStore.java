package io.datagent.jobmonitor.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The life cycle of decisions in {@code monitor.decisions}. Every transition is a compare-and-set on the status, so
 * two monitors (or a monitor and its restarted self) never act on the same decision twice.
 */
public final class DecisionStore {

  private final Jdbc db;

  public DecisionStore(Jdbc db) {
    this.db = db;
  }

  public boolean exists(long runId, int attempt) {
    return db.one("select 1 from monitor.decisions where run_id = ? and attempt = ?", rs -> 1, runId, attempt).isPresent();
  }

  /** Writes the intent (status PENDING); empty when a decision for this (run, attempt) already exists. */
  public Optional<Decision> recordIntent(NewDecision d) {
    var c = d.classification();
    return db.one("""
        insert into monitor.decisions (run_id, attempt, job_id, job_name, task_keys, run_page_url, job_url, category,
          confidence, severity, stage, evidence, explanation, root_cause, recommendation, error_excerpt, failure_text,
          action, parameters, reason, status, not_before, expected_repair_id)
        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'PENDING', ?, ?)
        on conflict (run_id, attempt) do nothing
        returning *
        """, DecisionRows::map, d.runId(), d.attempt(), d.jobId(), d.jobName(), DecisionRows.json(d.taskKeys()),
        d.runPageUrl(), d.jobUrl(), c.category().id(), c.confidence(), c.severity().id(), c.stage(),
        DecisionRows.json(c.evidence()), c.explanation(), c.rootCause(), c.recommendation(), d.errorExcerpt(),
        d.failureText(), d.plan().action().name(), DecisionRows.json(d.plan().parameters()), d.plan().reason(),
        d.plan().notBefore(), d.expectedRepairId());
  }

  /** Intents whose time has come (the back-off is over). */
  public List<Decision> due(Instant now) {
    return db.query("select * from monitor.decisions where status = 'PENDING' and not_before <= ? order by not_before, id",
        DecisionRows::map, now);
  }

  /** PENDING → ACTING; empty if someone else claimed it first. */
  public Optional<Decision> claim(long id) {
    return db.one("""
        update monitor.decisions set status = 'ACTING', acted_at = now(), tries = tries + 1
        where id = ? and status = 'PENDING' returning *
        """, DecisionRows::map, id);
  }

  /** ACTING → DONE. */
  public void complete(long id, String outcome, String detail, Long repairId) {
    db.update("""
        update monitor.decisions set status = 'DONE', outcome = ?, outcome_detail = ?, repair_id = coalesce(?, repair_id),
          completed_at = now() where id = ? and status = 'ACTING'
        """, outcome, detail, repairId, id);
  }

  /** ACTING → PENDING again: the action certainly did not happen (e.g. the API refused to be reached). */
  public void retryLater(long id, Instant notBefore, String detail) {
    db.update("update monitor.decisions set status = 'PENDING', not_before = ?, outcome_detail = ? where id = ? and status = 'ACTING'",
        notBefore, detail, id);
  }

  /** ACTING → FAILED: the action cannot be done. */
  public void fail(long id, String outcome, String detail) {
    db.update("""
        update monitor.decisions set status = 'FAILED', outcome = ?, outcome_detail = ?, completed_at = now()
        where id = ? and status = 'ACTING'
        """, outcome, detail, id);
  }

  /** Decisions left ACTING by a process that stopped before finishing them. */
  public List<Decision> acting(Instant actedBefore) {
    return db.query("select * from monitor.decisions where status = 'ACTING' and acted_at < ? order by id",
        DecisionRows::map, actedBefore);
  }

  /** Repairs done whose run has not yet been seen to end. */
  public List<Decision> unresolvedRepairs() {
    return db.query("""
        select * from monitor.decisions where status = 'DONE' and resolution is null
          and action in ('RETRY', 'RETRY_WITH_NEW_PARAMS') order by id
        """, DecisionRows::map);
  }

  public void resolve(long id, String resolution) {
    db.update("update monitor.decisions set resolution = ?, resolved_at = now() where id = ? and resolution is null",
        resolution, id);
  }

  public Optional<Decision> find(long id) {
    return db.one("select * from monitor.decisions where id = ?", DecisionRows::map, id);
  }

  public Optional<Decision> find(long runId, int attempt) {
    return db.one("select * from monitor.decisions where run_id = ? and attempt = ?", DecisionRows::map, runId, attempt);
  }
}
