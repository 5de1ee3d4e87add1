package io.datagent.jobmonitor.store;

import io.datagent.jobmonitor.detect.JobRun;
import java.time.Instant;
import java.util.List;

/** {@code monitor.runs}: each finished (run, attempt) once; the poller skips what is already here. */
public final class RunLedger {

  private final Jdbc db;

  public RunLedger(Jdbc db) {
    this.db = db;
  }

  public boolean seen(long runId, int attempt) {
    return db.one("select 1 from monitor.runs where run_id = ? and attempt = ?", rs -> 1, runId, attempt).isPresent();
  }

  /** Records the run; false when it was already recorded. */
  public boolean record(JobRun r) {
    return db.update("""
        insert into monitor.runs (run_id, attempt, job_id, job_name, result_state, termination_code, state_message,
                                  start_time, end_time, run_page_url, failed)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (run_id, attempt) do nothing
        """, r.runId(), r.attempt(), r.jobId(), r.runName(), r.resultState(), r.terminationCode(),
        r.stateMessage(), r.startTime() > 0 ? Instant.ofEpochMilli(r.startTime()) : null,
        r.endTime() > 0 ? Instant.ofEpochMilli(r.endTime()) : null, r.runPageUrl(), r.isFailed()) == 1;
  }

  public List<SeenRun> recent(int limit) {
    return db.query("select * from monitor.runs order by coalesce(end_time, seen_at) desc limit ?", rs -> new SeenRun(
        rs.getLong("run_id"), rs.getInt("attempt"), Jdbc.longOrNull(rs, "job_id"), rs.getString("job_name"),
        rs.getString("result_state"), rs.getString("termination_code"), rs.getString("state_message"),
        Jdbc.instant(rs, "start_time"), Jdbc.instant(rs, "end_time"), rs.getString("run_page_url"),
        rs.getBoolean("failed"), Jdbc.instant(rs, "seen_at")), limit);
  }
}
