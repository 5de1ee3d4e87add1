package io.datagent.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The per-kind and per-variant tables of an {@link Evaluation}, printed and written as JSON, with the items whose
 * ground truth failed ({@code flagged}, not scored).
 */
public record EvalReport(List<Evaluation.Result> results, List<GroundTruth.Checked> flagged) {

  public EvalReport(List<Evaluation.Result> results) {
    this(results, List.of());
  }

  public EvalReport {
    results = List.copyOf(results);
    flagged = flagged.stream().filter(GroundTruth.Checked::flagged).toList();
  }

  /**
   * Counts and latencies of one group of answers: {@code sqlValid} ran a guarded SQL with rows back, {@code answered}
   * asserted something (not declined nor refused), tokens and their cost where a model answered.
   */
  public record Row(String group, int total, int exact, int declined, int wrong, int partial, long p50Ms, long p99Ms,
      int sqlValid, int answered, long tokens, double cost) {

    public double exactRate() {
      return total == 0 ? 0 : (double) exact / total;
    }
  }

  public int wrong() {
    return (int) results.stream().filter(r -> r.outcome() == Outcome.WRONG).count();
  }

  public Row overall() {
    return row("total", results);
  }

  public List<Row> byKind() {
    return rows(r -> r.item().kind());
  }

  public List<Row> byVariant() {
    return rows(r -> r.item().variant());
  }

  /** The judges' figures over every answer ({@link JudgeRow}). */
  public JudgeRow judgesOverall() {
    return JudgeRow.of("total", results);
  }

  /** The judges' figures per kind. */
  public List<JudgeRow> judgesByKind() {
    Map<String, List<Evaluation.Result>> groups = new LinkedHashMap<>();
    results.forEach(r -> groups.computeIfAbsent(r.item().kind(), k -> new ArrayList<>()).add(r));
    return groups.entrySet().stream().map(e -> JudgeRow.of(e.getKey(), e.getValue())).toList();
  }

  /**
   * Which judges ran: {@code judge_model}, {@code judge_prompt_groundedness}, {@code judge_prompt_relevance} (the
   * prompt versions used, comma-separated if they changed mid-run), or {@code no ejecutados} when none ran.
   */
  public Map<String, String> judgeParams() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("judge_model", Objects.requireNonNullElse(JudgeRow.distinct(results, j -> j.model()), NOT_JUDGED));
    p.put("judge_prompt_groundedness", Objects.requireNonNullElse(
        JudgeRow.distinct(results, j -> j.groundedness().prompt()), NOT_JUDGED));
    p.put("judge_prompt_relevance", Objects.requireNonNullElse(
        JudgeRow.distinct(results, j -> j.relevance().prompt()), NOT_JUDGED));
    return p;
  }

  /** What the judge params say when no judge ran. */
  public static final String NOT_JUDGED = "no ejecutados";

  private List<Row> rows(Function<Evaluation.Result, String> key) {
    Map<String, List<Evaluation.Result>> groups = new LinkedHashMap<>();
    results.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
    return groups.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
  }

  private static Row row(String group, List<Evaluation.Result> rs) {
    long[] ms = rs.stream().mapToLong(Evaluation.Result::millis).sorted().toArray();
    return new Row(group, rs.size(), count(rs, Outcome.EXACT), count(rs, Outcome.DECLINED), count(rs, Outcome.WRONG),
        count(rs, Outcome.PARTIAL), percentile(ms, 0.50), percentile(ms, 0.99),
        (int) rs.stream().filter(Evaluation.Result::sqlValid).count(), (int) rs.stream().filter(Evaluation.Result::answered).count(),
        rs.stream().mapToLong(r -> r.promptTokens() + r.completionTokens()).sum(),
        rs.stream().mapToDouble(Evaluation.Result::cost).sum());
  }

  private static int count(List<Evaluation.Result> rs, Outcome o) {
    return (int) rs.stream().filter(r -> r.outcome() == o).count();
  }

  /** Nearest-rank percentile of sorted values (0 when there are none). */
  public static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** The tables as text: one by kind, one by variant, then the total. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    append(sb, "tipo", byKind());
    sb.append('\n');
    append(sb, "variante", byVariant());
    sb.append('\n');
    append(sb, "", List.of(overall()));
    sb.append('\n').append(JudgeRow.header("jueces (tipo)"));
    judgesByKind().forEach(j -> sb.append(j.line()));
    sb.append(judgesOverall().line());
    if (judgesOverall().notRun() == results.size()) {
      sb.append("jueces LLM: no ejecutados (").append(results.isEmpty() ? "sin respuestas"
          : results.get(0).judgment().groundedness().rationale()).append("); «cifras»: cifras de la respuesta halladas en las "
          + "filas, sin modelo\n");
    } else {
      judgeParams().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
    }
    for (GroundTruth.Checked f : flagged) {
      sb.append("SIN PUNTUAR ").append(f.item().id()).append(": ").append(f.problem()).append('\n');
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, String title, List<Row> rows) {
    if (!title.isEmpty()) {
      sb.append(String.format("%-20s %5s %6s %9s %8s %8s %7s %8s %8s %6s %8s %9s%n", title, "total", "exacta", "rechazada",
          "errónea", "parcial", "%exact", "p50 ms", "p99 ms", "sql ok", "tokens", "coste $"));
    }
    for (Row r : rows) {
      sb.append(String.format(java.util.Locale.ROOT, "%-20s %5d %6d %9d %8d %8d %6.0f%% %8d %8d %6d %8d %9.4f%n", r.group(),
          r.total(), r.exact(), r.declined(), r.wrong(), r.partial(), 100 * r.exactRate(), r.p50Ms(), r.p99Ms(), r.sqlValid(),
          r.tokens(), r.cost()));
    }
  }

  /** Writes the report (tables and every answer) as JSON. */
  public void write(Path file, String benchmark) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", benchmark);
    json.put("overall", overall());
    json.put("byKind", byKind());
    json.put("byVariant", byVariant());
    json.put("judges", judgesOverall());
    json.put("judgesByKind", judgesByKind());
    json.put("judgeParams", judgeParams());
    json.put("answers", results.stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.item().id());
      m.put("kind", r.item().kind());
      m.put("variant", r.item().variant());
      m.put("question", r.item().question());
      m.put("outcome", r.outcome());
      m.put("ms", r.millis());
      m.put("mode", r.mode());
      m.put("sqlValid", r.sqlValid());
      m.put("promptTokens", r.promptTokens());
      m.put("completionTokens", r.completionTokens());
      m.put("cost", r.cost());
      m.put("promptVersion", r.promptVersion());
      m.put("sql", r.sql());
      m.put("answer", r.answer());
      m.put("numbersStated", r.numbers().stated());
      m.put("numbersInRows", r.numbers().found());
      m.put("numbersMissing", r.numbers().missing());
      m.put("judge", r.judgment()); // model, both verdicts (status, score, rationale, prompt version, tokens), cost
      return m;
    }).toList());
    json.put("flagged", flagged.stream().map(f -> Map.of("id", f.item().id(), "problem", f.problem())).toList());
    Files.createDirectories(file.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }
}
