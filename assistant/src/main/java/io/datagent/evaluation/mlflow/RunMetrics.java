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
    judges(m, report);
    for (Evaluation.Result r : report.results()) {
      m.put("q/" + name(r.item().id()) + "/exact", r.outcome() == io.datagent.evaluation.Outcome.EXACT ? 1.0 : 0.0);
      m.put("q/" + name(r.item().id()) + "/latency_ms", (double) r.millis());
    }
    return m;
  }

  /**
   * The judges' metrics: {@code judge/judged_groundedness}, {@code judge/judged_relevance}, {@code judge/invalid},
   * {@code judge/failed}, {@code judge/tokens}, {@code judge/cost_usd}, and, where a judge scored something,
   * {@code judge/groundedness_mean} and {@code judge/relevance_mean} overall and {@code …/<kind>}; the no-model
   * check {@code numbers_in_rows_rate} where answers stated numbers. Means of judges that did not run are left out,
   * never logged as 0.
   */
  private static void judges(Map<String, Double> m, EvalReport report) {
    io.datagent.evaluation.JudgeRow all = report.judgesOverall();
    if (all.numbersInRowsRate() != null) {
      m.put("numbers_in_rows_rate", all.numbersInRowsRate());
    }
    if (all.notRun() == all.answers()) {
      return;
    }
    m.put("judge/judged_groundedness", (double) all.judgedGroundedness());
    m.put("judge/judged_relevance", (double) all.judgedRelevance());
    m.put("judge/invalid", (double) all.invalid());
    m.put("judge/failed", (double) all.failed());
    m.put("judge/tokens", (double) all.tokens());
    m.put("judge/cost_usd", all.cost());
    putMeans(m, "", all);
    report.judgesByKind().forEach(k -> putMeans(m, "/" + name(k.group()), k));
  }

  private static void putMeans(Map<String, Double> m, String suffix, io.datagent.evaluation.JudgeRow r) {
    if (r.groundedness() != null) {
      m.put("judge/groundedness_mean" + suffix, r.groundedness());
    }
    if (r.relevance() != null) {
      m.put("judge/relevance_mean" + suffix, r.relevance());
    }
  }

  /** A key MLflow accepts (letters, digits, {@code _ - . /} and spaces); accents and the rest become {@code _}. */
  static String name(String s) {
    String n = java.text.Normalizer.normalize(s == null || s.isBlank() ? "general" : s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "");
    return UNSAFE.matcher(n).replaceAll("_");
  }
}
