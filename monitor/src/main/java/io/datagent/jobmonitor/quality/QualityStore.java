package io.datagent.jobmonitor.quality;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.jobmonitor.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code monitor.quality_snapshots} (the charts' series) and {@code monitor.interventions} (the intervention log). */
public final class QualityStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbc db;

  public QualityStore(Jdbc db) {
    this.db = db;
  }

  public void snapshot(QualityFigures f) {
    db.update("""
        insert into monitor.quality_snapshots (taken_at, window_minutes, samples, errors, error_rate, p95_ms, mean_rating, ratings)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        """, f.takenAt(), f.windowMinutes(), f.samples(), f.errors(), f.errorRate(), f.p95Ms(), f.meanRating(), f.ratings());
  }

  public List<QualityFigures> series(Instant since) {
    return db.query("select * from monitor.quality_snapshots where taken_at >= ? order by taken_at", QualityStore::figures, since);
  }

  public Instant lastSnapshot() {
    return db.one("select max(taken_at) t from monitor.quality_snapshots", rs -> Jdbc.instant(rs, "t")).orElse(null);
  }

  /**
   * Records the intervention as an intent (status PENDING) before anything is started; empty when one was already
   * made for {@code windowKey} (by this process before a restart, or by another instance).
   */
  public java.util.Optional<Long> open(List<String> reasons, QualityFigures f, String action, Long jobId, String windowKey) {
    return db.one("""
        insert into monitor.interventions (reasons, figures, action, job_id, status, window_key)
        values (?::jsonb, ?::jsonb, ?, ?, 'PENDING', ?)
        on conflict (window_key) do nothing
        returning id
        """, rs -> rs.getLong(1), json(reasons), json(f), action, jobId, windowKey);
  }

  /** The start's result; only while PENDING, so an in-process run that already finished keeps its outcome. */
  public void close(long id, Long runId, String status, String detail) {
    db.update("update monitor.interventions set run_id = ?, status = ?, detail = ? where id = ? and status = 'PENDING'",
        runId, status, detail, id);
  }

  /** The optimisation's outcome, with the held-out scores before and after. */
  public void finish(long id, InterventionOutcome o) {
    db.update("update monitor.interventions set status = ?, detail = ?, score_before = ?, score_after = ? where id = ?",
        o.status(), o.detail(), o.scoreBefore(), o.scoreAfter(), id);
  }

  /** An optimisation run by hand or on schedule ({@code ./agent optimize}), recorded with its outcome. */
  public long record(String reason, String action, InterventionOutcome o) {
    return db.one("""
        insert into monitor.interventions (reasons, figures, action, status, detail, score_before, score_after)
        values (?::jsonb, '{}'::jsonb, ?, ?, ?, ?, ?) returning id
        """, rs -> rs.getLong(1), json(List.of(reason)), action, o.status(), o.detail(), o.scoreBefore(), o.scoreAfter())
        .orElseThrow();
  }

  public Instant lastIntervention() {
    return db.one("select max(started_at) t from monitor.interventions", rs -> Jdbc.instant(rs, "t")).orElse(null);
  }

  /** Interventions a stopped process left PENDING. */
  public List<Intervention> pending() {
    return db.query("select * from monitor.interventions where status = 'PENDING' order by id", QualityStore::intervention);
  }

  public List<Intervention> recent(int limit) {
    return db.query("select * from monitor.interventions order by started_at desc, id desc limit ?", QualityStore::intervention, limit);
  }

  private static QualityFigures figures(ResultSet rs) throws SQLException {
    return new QualityFigures(Jdbc.instant(rs, "taken_at"), rs.getInt("window_minutes"), rs.getInt("samples"),
        rs.getInt("errors"), Jdbc.doubleOrNull(rs, "error_rate"), Jdbc.doubleOrNull(rs, "p95_ms"),
        Jdbc.doubleOrNull(rs, "mean_rating"), rs.getInt("ratings"));
  }

  private static Intervention intervention(ResultSet rs) throws SQLException {
    try {
      List<String> reasons = JSON.readValue(rs.getString("reasons"), new TypeReference<>() {});
      Map<String, Object> f = JSON.readValue(rs.getString("figures"), new TypeReference<>() {});
      QualityFigures figures = new QualityFigures(f.get("takenAt") == null ? null : Instant.parse(f.get("takenAt").toString()),
          num(f.get("windowMinutes")).intValue(), num(f.get("samples")).intValue(), num(f.get("errors")).intValue(),
          dbl(f.get("errorRate")), dbl(f.get("p95Ms")), dbl(f.get("meanRating")), num(f.get("ratings")).intValue());
      return new Intervention(rs.getLong("id"), Jdbc.instant(rs, "started_at"), reasons, figures, rs.getString("action"),
          Jdbc.longOrNull(rs, "job_id"), Jdbc.longOrNull(rs, "run_id"), rs.getString("status"), rs.getString("detail"),
          rs.getString("window_key"), Jdbc.doubleOrNull(rs, "score_before"), Jdbc.doubleOrNull(rs, "score_after"));
    } catch (java.io.IOException e) {
      throw new SQLException("bad JSON in monitor.interventions", e);
    }
  }

  private static Number num(Object o) {
    return o instanceof Number n ? n : 0;
  }

  private static Double dbl(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }

  private static String json(Object o) {
    try {
      if (o instanceof QualityFigures f) {
        var n = JSON.createObjectNode();
        n.put("takenAt", f.takenAt() == null ? null : f.takenAt().toString());
        n.put("windowMinutes", f.windowMinutes());
        n.put("samples", f.samples());
        n.put("errors", f.errors());
        n.put("errorRate", f.errorRate());
        n.put("p95Ms", f.p95Ms());
        n.put("meanRating", f.meanRating());
        n.put("ratings", f.ratings());
        return n.toString();
      }
      return JSON.writeValueAsString(o);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
