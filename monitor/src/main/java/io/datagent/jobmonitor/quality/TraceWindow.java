package io.datagent.jobmonitor.quality;

import io.datagent.jobmonitor.store.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Measures {@link QualityFigures} from the agent's traces in the App's PostgreSQL ({@code app.traces},
 * {@code app.feedback}, created by the App): a trace with a non-empty {@code error} is an error; latency is
 * {@code latency_ms}; ratings are the feedback given in the window.
 */
public final class TraceWindow {

  private final Jdbc db;
  private final Clock clock;

  public TraceWindow(Jdbc db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** False until the App has created its trace tables (the App not started once yet, or a monitor-only database). */
  public boolean available() {
    return db.one("select to_regclass('app.traces') is not null and to_regclass('app.feedback') is not null",
        rs -> rs.getBoolean(1)).orElse(false);
  }

  public QualityFigures measure(Duration window) {
    Instant now = clock.instant();
    Instant since = now.minus(window);
    var t = db.one("""
        select count(*) samples,
               count(*) filter (where error is not null and error <> '') errors,
               percentile_cont(0.95) within group (order by latency_ms) p95
        from app.traces where created_at >= ? and created_at <= ?
        """, rs -> new Object[] {rs.getInt("samples"), rs.getInt("errors"), Jdbc.doubleOrNull(rs, "p95")}, since, now)
        .orElseThrow();
    var r = db.one("""
        select avg(rating)::double precision mean, count(rating) n from app.feedback
        where created_at >= ? and created_at <= ? and rating between 1 and 5
        """, rs -> new Object[] {Jdbc.doubleOrNull(rs, "mean"), rs.getInt("n")}, since, now).orElseThrow();
    int samples = (Integer) t[0];
    int errors = (Integer) t[1];
    return new QualityFigures(now, (int) window.toMinutes(), samples, errors,
        samples == 0 ? null : (double) errors / samples, (Double) t[2], (Double) r[0], (Integer) r[1]);
  }
}
