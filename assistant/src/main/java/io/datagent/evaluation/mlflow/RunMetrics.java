package io.datagent.evaluation.mlflow;

import io.datagent.evaluation.EvalReport;
import io.datagent.evaluation.Evaluation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The metrics of one evaluation run, named as MLflow accepts them: {@code exact_rate}, {@code exact_rate/<kind>},
 * {@code exact}, {@code declined}, {@code wrong}, {@code partial}, {@code answered}, {@code sql_valid},
 * {@code flagged}, {@code latency_p50_ms}, {@code latency_p99_ms}, {@code tokens}, {@code cost_usd}; and per question
 * {@code q/<id>/exact} (1 or 0) and {@code q/<id>/latency_ms}, the per-question table.
 */
public final class RunMetrics {

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_\\-. /]");

  private RunMetrics() {}

  public static Map<String, Double> of(EvalReport report) {
    Map<String, Double> m = new LinkedHashMap<>();
    EvalReport.Row all = report.overall();
    m.put("exact_rate", all.exactRate());
    m.put("exact", (double) all.exact());
    m.put("declined", (double) all.declined());
    m.put("wrong", (double) all.wrong());
    m.put("partial", (double) all.partial());
    m.put("answered", (double) all.answered());
    m.put("sql_valid", (double) all.sqlValid());
    m.put("flagged", (double) report.flagged().size());
    m.put("latency_p50_ms", (double) all.p50Ms());
    m.put("latency_p99_ms", (double) all.p99Ms());
    m.put("tokens", (double) all.tokens());
    m.put("cost_usd", all.cost());
    for (EvalReport.Row k : report.byKind()) {
      m.put("exact_rate/" + name(k.group()), k.exactRate());
      m.put("wrong/" + name(k.group()), (double) k.wrong());
    }
    for (Evaluation.Result r : report.results()) {
      m.put("q/" + name(r.item().id()) + "/exact", r.outcome() == io.datagent.evaluation.Outcome.EXACT ? 1.0 : 0.0);
      m.put("q/" + name(r.item().id()) + "/latency_ms", (double) r.millis());
    }
    return m;
  }

  /** A key MLflow accepts (letters, digits, {@code _ - . /} and spaces); accents and the rest become {@code _}. */
  static String name(String s) {
    String n = java.text.Normalizer.normalize(s == null || s.isBlank() ? "general" : s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "");
    return UNSAFE.matcher(n).replaceAll("_");
  }
}
