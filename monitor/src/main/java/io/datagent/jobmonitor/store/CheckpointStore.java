package io.datagent.jobmonitor.store;

import java.time.Instant;
import java.util.OptionalLong;

/** The detection watermark per run source (e.g. {@code databricks}, {@code local}), in {@code monitor.checkpoint}. */
public final class CheckpointStore {

  private final Jdbc db;

  public CheckpointStore(Jdbc db) {
    this.db = db;
  }

  public OptionalLong load(String source) {
    return db.one("select watermark_ms from monitor.checkpoint where source = ?", rs -> rs.getLong(1), source)
        .map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /** Saves the watermark; it only ever moves forward. */
  public void save(String source, long watermarkMs) {
    db.update("""
        insert into monitor.checkpoint (source, watermark_ms, polled_at) values (?, ?, now())
        on conflict (source) do update
          set watermark_ms = greatest(monitor.checkpoint.watermark_ms, excluded.watermark_ms), polled_at = now()
        """, source, watermarkMs);
  }

  public Instant lastPoll(String source) {
    return db.one("select polled_at from monitor.checkpoint where source = ?", rs -> Jdbc.instant(rs, "polled_at"), source)
        .orElse(null);
  }
}
