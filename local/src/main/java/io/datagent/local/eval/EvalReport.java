package io.datagent.local.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The per-kind and per-variant tables of an {@link Evaluation}, printed and written as JSON. */
public record EvalReport(List<Evaluation.Result> results) {

  /** Counts and latencies of one group of answers. */
  public record Row(String group, int total, int exact, int declined, int wrong, int partial, long p50Ms, long p99Ms) {

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

  private List<Row> rows(Function<Evaluation.Result, String> key) {
    Map<String, List<Evaluation.Result>> groups = new LinkedHashMap<>();
    results.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
    return groups.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
  }

  private static Row row(String group, List<Evaluation.Result> rs) {
    long[] ms = rs.stream().mapToLong(Evaluation.Result::millis).sorted().toArray();
    return new Row(group, rs.size(), count(rs, Outcome.EXACT), count(rs, Outcome.DECLINED), count(rs, Outcome.WRONG),
        count(rs, Outcome.PARTIAL), percentile(ms, 0.50), percentile(ms, 0.99));
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
    return sb.toString();
  }

  private static void append(StringBuilder sb, String title, List<Row> rows) {
    if (!title.isEmpty()) {
      sb.append(String.format("%-20s %5s %6s %9s %8s %8s %7s %8s %8s%n", title, "total", "exacta", "rechazada", "errónea",
          "parcial", "%exact", "p50 ms", "p99 ms"));
    }
    for (Row r : rows) {
      sb.append(String.format("%-20s %5d %6d %9d %8d %8d %6.0f%% %8d %8d%n", r.group(), r.total(), r.exact(), r.declined(),
          r.wrong(), r.partial(), 100 * r.exactRate(), r.p50Ms(), r.p99Ms()));
    }
  }

  /** Writes the report (tables and every answer) as JSON. */
  public void write(Path file, String benchmark) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("benchmark", benchmark);
    json.put("overall", overall());
    json.put("byKind", byKind());
    json.put("byVariant", byVariant());
    json.put("answers", results.stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.item().id());
      m.put("kind", r.item().kind());
      m.put("variant", r.item().variant());
      m.put("question", r.item().question());
      m.put("outcome", r.outcome());
      m.put("ms", r.millis());
      m.put("mode", r.mode());
      m.put("sql", r.sql());
      m.put("answer", r.answer());
      return m;
    }).toList());
    Files.createDirectories(file.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }
}
