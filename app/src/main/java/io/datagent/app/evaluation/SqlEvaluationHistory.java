package io.datagent.app.evaluation;

import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluations EvaluateJob appended to {@code <catalog>.<quality schema>.eval_runs} (one row per run and kind, plus
 * kind {@code total}), read with the App's own SQL executor (the App's service principal holds SELECT on the schema).
 * A fixed statement of the App's, not a user's question: it names only that table.
 */
public final class SqlEvaluationHistory implements EvaluationHistory {

  /** Enough rows for the latest runs with their kinds. */
  static final int MAX_ROWS = 500;

  private final SqlExecutor sql;
  private final String table;

  /** @param table the quoted table name, e.g. {@code `main`.`quality`.`eval_runs`} */
  public SqlEvaluationHistory(SqlExecutor sql, String table) {
    this.sql = sql;
    this.table = table;
  }

  /** {@code `catalog`.`schema`.`eval_runs`}. */
  public static String table(String catalog, String schema) {
    return "`" + catalog.replace("`", "") + "`.`" + schema.replace("`", "") + "`.`eval_runs`";
  }

  @Override
  public List<EvaluationRun> latest(int limit) {
    QueryResult r;
    try { // as the App's service principal (no user token): the engineers' page, the App's own table
      r = sql.execute("SELECT run_id, CAST(started_at AS STRING) AS started_at, kind, questions, exact, prompt_version "
          + "FROM " + table + " ORDER BY started_at DESC, kind", MAX_ROWS, Duration.ofSeconds(60), null);
    } catch (io.datagent.agent.sql.SqlExecutionException e) {
      throw new IllegalStateException(table + ": " + e.getMessage(), e);
    }
    Map<String, List<List<Object>>> byRun = new LinkedHashMap<>();
    for (List<Object> row : r.rows()) {
      if (byRun.size() < limit || byRun.containsKey(String.valueOf(row.get(0)))) {
        byRun.computeIfAbsent(String.valueOf(row.get(0)), k -> new ArrayList<>()).add(row);
      }
    }
    List<EvaluationRun> out = new ArrayList<>();
    byRun.forEach((id, rows) -> {
      EvaluationRun.Score total = null;
      List<EvaluationRun.Score> kinds = new ArrayList<>();
      for (List<Object> row : rows) {
        EvaluationRun.Score s = new EvaluationRun.Score(String.valueOf(row.get(2)), number(row.get(3)), number(row.get(4)));
        if ("total".equals(s.group())) {
          total = s;
        } else {
          kinds.add(s);
        }
      }
      List<Object> first = rows.get(0);
      out.add(new EvaluationRun(id, instant(first.get(1)), first.get(5) == null ? "ninguna" : String.valueOf(first.get(5)),
          total == null ? new EvaluationRun.Score("total", 0, 0) : total, kinds));
    });
    return out;
  }

  private static int number(Object o) {
    return o == null ? 0 : o instanceof Number n ? n.intValue() : (int) Double.parseDouble(o.toString());
  }

  /** {@code 2026-12-07 02:00:03.123} or ISO, as a warehouse or Spark prints a timestamp cast to text (UTC). */
  static Instant instant(Object o) {
    String s = String.valueOf(o).strip().replace(' ', 'T');
    return s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$") ? java.time.OffsetDateTime.parse(s).toInstant()
        : java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
  }
}
