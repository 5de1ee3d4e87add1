package io.datagent.optimization.agent;

import io.datagent.optimization.KindScores;
import io.datagent.optimization.OptimizationReport;
import io.datagent.optimization.OptimizeConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One optimisation as an MLflow run (logged with the evaluation's {@code MlflowRunLog}): the run's settings and
 * outcome as params, the held-out scores before and after (overall and per kind) and each candidate's as metrics.
 */
final class OptimizationRunLog {

  private OptimizationRunLog() {}

  static Map<String, String> params(OptimizeConfig c, OptimizationReport r, String model) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("benchmark", c.benchmark());
    p.put("model", model);
    p.put("reason", c.reason());
    p.put("window", c.window() == null ? "" : c.window());
    p.put("held_out_share", String.valueOf(c.settings().heldOutShare()));
    p.put("margin", String.valueOf(c.settings().rule().margin()));
    p.put("max_candidates", String.valueOf(c.settings().maxCandidates()));
    p.put("promoted", String.valueOf(r.promoted()));
    p.put("served_now", r.servedNow() == null ? "" : r.servedNow());
    p.put("best", r.best() == null ? "" : r.best().label());
    p.put("decision", r.reason() == null ? "" : r.reason());
    return p;
  }

  static Map<String, String> tags(OptimizeConfig c) {
    return Map.of("datagent.kind", "optimize", "datagent.reason", c.reason());
  }

  static Map<String, Double> metrics(OptimizationReport r) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("score_before", r.beforeScore());
    m.put("score_after", r.afterScore());
    m.put("candidates", (double) r.tried().size());
    m.put("held_out_items", (double) r.heldOutItems());
    m.put("promoted", r.promoted() ? 1.0 : 0.0);
    kinds(m, "before", r.before());
    if (r.best() != null) {
      kinds(m, "best", r.best().scores());
    }
    for (OptimizationReport.Tried t : r.tried()) {
      m.put("candidate." + key(t.label()), t.scores().overall());
    }
    return m;
  }

  private static void kinds(Map<String, Double> m, String prefix, KindScores s) {
    s.exact().forEach((kind, rate) -> m.put(prefix + ".exact." + key(kind), rate));
  }

  /** MLflow keys allow letters, digits, _ - . / and spaces. */
  private static String key(String s) {
    return s.replaceAll("[^0-9A-Za-z_./ -]", "_");
  }
}
