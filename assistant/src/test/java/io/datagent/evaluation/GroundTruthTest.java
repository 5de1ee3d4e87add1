package io.datagent.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.sql.SqlPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {

  /** A database with one table, serving.ventas (region, total); anything else is an unknown table. */
  private static final SqlExecutor DB = (sql, maxRows, timeout, token) -> {
    if (!sql.toLowerCase().contains("ventas")) {
      throw new SqlExecutionException(SqlExecutionException.Kind.SQL, "[TABLE_OR_VIEW_NOT_FOUND] tabla no encontrada");
    }
    return table(List.of(List.of("Norte", 12.5), List.of("Sur", 7.25)));
  };

  private static QueryResult table(List<List<Object>> rows) {
    return new QueryResult(List.of("region", "total"), List.of("STRING", "DOUBLE"), rows, false);
  }

  private static AgentAnswer answer(QueryResult r) {
    return new AgentAnswer("Hay dos regiones.", AgentAnswer.SEMANTIC, List.of("SELECT 1"), List.of(), r, null, List.of(), 1, 0,
        0, null);
  }

  @Test
  void should_flag_the_items_whose_expected_sql_is_malformed_or_names_an_unknown_table_and_score_the_rest(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("banco.yaml");
    Files.writeString(file, """
        items:
          - {id: ok, kind: agrupacion, question: "¿Total por región?", sql: "SELECT region, sum(total) FROM serving.ventas GROUP BY region", decimals: 1}
          - {id: rota, kind: agrupacion, question: "¿Total?", sql: "SELEC region FROM"}
          - {id: sin-tabla, kind: agregacion, question: "¿Cuántas?", sql: "SELECT count(*) FROM serving.no_existe"}
        """);
    GroundTruth truth = new GroundTruth(new SqlGuard(SqlPolicy.servingOnly()), DB, Duration.ofSeconds(5));

    List<GroundTruth.Checked> checked = truth.check(BenchmarkFile.read(file));

    assertThat(checked.get(0).flagged()).isFalse();
    assertThat(checked.get(1).problem()).contains("«rota»").contains("control de SQL");
    assertThat(checked.get(2).problem()).contains("«sin-tabla»").contains("TABLE_OR_VIEW_NOT_FOUND");
    EvalReport report = new Evaluation((req, l) -> answer(table(List.of(List.of("Sur", 7.3), List.of("Norte", 12.5)))), "t")
        .evaluate(BenchmarkFile.read(file), truth, r -> {});
    assertThat(report.results()).hasSize(1);
    assertThat(report.results().get(0).outcome()).isEqualTo(Outcome.EXACT); // any order, 7.3 ≈ 7.25 at one decimal
    assertThat(report.flagged()).extracting(c -> c.item().id()).containsExactly("rota", "sin-tabla");
  }

  @Test
  void should_count_a_result_set_as_wrong_when_a_value_differs_or_a_ranked_order_is_broken() {
    QueryResult truth = table(List.of(List.of("Norte", 12.5), List.of("Sur", 7.25)));
    QueryResult swapped = new QueryResult(List.of("t", "r"), List.of("DOUBLE", "STRING"),
        List.of(List.of(7.25, "sur"), List.of(12.5, "NORTE")), false);

    assertThat(ResultSets.same(swapped, truth, false, 2)).isTrue(); // columns and rows in another order, case ignored
    assertThat(ResultSets.same(swapped, truth, true, 2)).isFalse();
    assertThat(ResultSets.same(table(List.of(List.of("Norte", 12.5), List.of("Sur", 7.5))), truth, false, 2)).isFalse();
    assertThat(ResultSets.same(table(List.of(List.of("Norte", 12.5))), truth, false, 2)).isFalse();
  }
}
