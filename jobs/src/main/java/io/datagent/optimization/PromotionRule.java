package io.datagent.optimization;

import java.util.List;
import java.util.Locale;

/**
 * When a candidate replaces the current configuration: its share of exact answers on the held-out split beats the
 * current one's by at least {@code margin} (absolute, 0.02 = two points), and no kind scores lower than before.
 */
public record PromotionRule(double margin) {

  public PromotionRule {
    if (margin < 0 || margin >= 1) {
      throw new IllegalArgumentException("el margen de promoción debe estar entre 0 y 1, no " + margin);
    }
  }

  /** The decision, with its reason in Spanish. */
  public Verdict judge(KindScores before, KindScores after) {
    List<String> regressed = after.regressionsAgainst(before);
    if (!regressed.isEmpty()) {
      return new Verdict(false, "empeora en " + String.join(", ", regressed));
    }
    double gain = after.overall() - before.overall();
    if (gain < margin - 1e-9) {
      return new Verdict(false, String.format(Locale.ROOT, "mejora %.1f puntos, por debajo del margen de %.1f",
          gain * 100, margin * 100));
    }
    return new Verdict(true, String.format(Locale.ROOT, "exactas %.1f %% → %.1f %% sin empeorar ningún tipo",
        before.overall() * 100, after.overall() * 100));
  }

  public record Verdict(boolean promote, String reason) {}
}
