package io.datagent.jobmonitor.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervises the agent's own quality: measures the sliding window of its traces, stores the figures for the charts,
 * and when a threshold is crossed (with enough samples) starts the evaluation/optimization job, or locally records
 * the intervention, at most once per cool-down. Every intervention is written before it is started and logged.
 */
public final class QualitySupervisor {

  private static final Logger LOG = LoggerFactory.getLogger(QualitySupervisor.class);

  private final TraceWindow window;
  private final QualityStore store;
  private final QualityThresholds thresholds;
  private final EvaluationTrigger trigger;
  private final Clock clock;
  private boolean warnedUnavailable;

  public QualitySupervisor(TraceWindow window, QualityStore store, QualityThresholds thresholds, EvaluationTrigger trigger,
      Clock clock) {
    this.window = window;
    this.store = store;
    this.thresholds = thresholds;
    this.trigger = trigger;
    this.clock = clock;
  }

  public QualityThresholds thresholds() {
    return thresholds;
  }

  /** Measures unless the last measurement is more recent than {@code every}. */
  public Optional<Intervention> checkIfDue() {
    if (!window.available()) {
      if (!warnedUnavailable) {
        LOG.info("Agent quality not measured: app.traces / app.feedback do not exist yet (created by the App)");
        warnedUnavailable = true;
      }
      return Optional.empty();
    }
    Instant last = store.lastSnapshot();
    if (last != null && last.plus(thresholds.every()).isAfter(clock.instant())) {
      return Optional.empty();
    }
    return check();
  }

  /** Measures now, stores the figures, intervenes if needed. Returns the intervention made, if any. */
  public Optional<Intervention> check() {
    resumePending();
    QualityFigures f = window.measure(thresholds.window());
    store.snapshot(f);
    List<String> reasons = thresholds.breaches(f);
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    Instant last = store.lastIntervention();
    if (last != null && last.plus(thresholds.cooldown()).isAfter(clock.instant())) {
      LOG.info("Agent quality below threshold ({}), but the last intervention was at {}: cooling down", reasons, last);
      return Optional.empty();
    }
    String key = windowKey(f.takenAt(), thresholds.window());
    Optional<Long> opened = store.open(reasons, f, trigger.action(), trigger.jobId(), key);
    if (opened.isEmpty()) {
      LOG.info("Agent quality below threshold ({}), but window {} already had its intervention", reasons, key);
      return Optional.empty();
    }
    long id = opened.get();
    start(id, reasons, key);
    return store.recent(1).stream().filter(i -> i.id() == id).findFirst();
  }

  /**
   * The supervision window a measurement falls in: windows of the configured length laid end to end from the epoch,
   * named by length and start ({@code 1440m-2026-12-07T00:00:00Z}). At most one intervention is made per window.
   */
  public static String windowKey(Instant at, java.time.Duration window) {
    long ms = Math.max(60_000, window.toMillis());
    return window.toMinutes() + "m-" + Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), ms) * ms);
  }

  private void start(long id, List<String> reasons, String key) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("reason", String.join("; ", reasons));
    params.put("window", key == null ? "" : key);
    try {
      Long runId = trigger.start(id, params);
      String status = runId != null || trigger.inProcess() ? "STARTED" : "RECORDED";
      store.close(id, runId, status, runId != null ? "Optimización iniciada: run " + runId
          : trigger.inProcess() ? "Optimización iniciada en este proceso." : "Intervención registrada (sin job de optimización).");
      LOG.warn("Agent quality intervention {}: {} ({}), window {}, run {}", id, reasons, status, key, runId);
    } catch (RuntimeException e) {
      store.close(id, null, "FAILED", e.toString());
      LOG.error("Agent quality intervention {} could not start: {}", id, e.toString());
    }
  }

  /** An intervention left PENDING by a stopped process is started again with the same idempotency token. */
  private void resumePending() {
    for (Intervention i : store.pending()) {
      LOG.info("Resuming intervention {} left pending", i.id());
      start(i.id(), i.reasons(), i.windowKey());
    }
  }

  public static String describe(QualityFigures f) {
    return String.format(Locale.ROOT, "%d muestras, error %s, p95 %s ms, valoración %s", f.samples(),
        f.errorRate() == null ? "—" : String.format(Locale.ROOT, "%.1f %%", f.errorRate() * 100),
        f.p95Ms() == null ? "—" : String.format(Locale.ROOT, "%.0f", f.p95Ms()),
        f.meanRating() == null ? "—" : String.format(Locale.ROOT, "%.2f", f.meanRating()));
  }
}
