package io.datagent.jobmonitor.quality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When the agent needs an intervention: over {@code window}, with at least {@code minSamples} traces, an error rate
 * above {@code maxErrorRate}, a mean rating below {@code minMeanRating} or a p95 latency above {@code maxP95}.
 * Interventions are at least {@code cooldown} apart; figures are measured every {@code every}.
 */
public record QualityThresholds(Duration window, int minSamples, double maxErrorRate, double minMeanRating,
    Duration maxP95, Duration cooldown, Duration every, Long evaluationJobId) {

  /** The thresholds crossed, each as a Spanish sentence; empty when none or too few samples. */
  public List<String> breaches(QualityFigures f) {
    List<String> out = new ArrayList<>();
    if (f.samples() < minSamples) {
      return out;
    }
    if (f.errorRate() != null && f.errorRate() > maxErrorRate) {
      out.add(String.format(Locale.ROOT, "tasa de error %.1f %% > %.1f %%", f.errorRate() * 100, maxErrorRate * 100));
    }
    if (f.meanRating() != null && f.meanRating() < minMeanRating) {
      out.add(String.format(Locale.ROOT, "valoración media %.2f < %.2f", f.meanRating(), minMeanRating));
    }
    if (f.p95Ms() != null && f.p95Ms() > maxP95.toMillis()) {
      out.add(String.format(Locale.ROOT, "latencia p95 %.0f ms > %d ms", f.p95Ms(), maxP95.toMillis()));
    }
    return out;
  }
}
