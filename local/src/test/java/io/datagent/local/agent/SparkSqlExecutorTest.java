package io.datagent.local.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.local.LocalRuntime;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The local SQL port on real Spark over the ingested samples. */
class SparkSqlExecutorTest {

  final LocalRuntime rt = LocalAgentFixture.runtime();
  final SparkSqlExecutor executor = new SparkSqlExecutor(rt::spark);

  @Test
  void should_return_typed_rows_and_flag_truncation_when_more_rows_exist() throws Exception {
    QueryResult r = executor.execute("SELECT central, potencia_instalada_mw, periodo, _source_row FROM serving.potenciainstalada "
        + "ORDER BY _source_row LIMIT 200", 3, Duration.ofSeconds(120), null);

    assertThat(r.columns()).containsExactly("central", "potencia_instalada_mw", "periodo", "_source_row");
    assertThat(r.types()).containsExactly("STRING", "DECIMAL(38,3)", "DATE", "BIGINT");
    assertThat(r.rows()).hasSize(3);
    assertThat(r.rows().get(0)).containsExactly("ABRO", new BigDecimal("25.000"), "2016-05-01", 2L);
    assertThat(r.truncated()).isTrue();
  }

  @Test
  void should_report_sql_error_with_spark_message_when_column_does_not_exist() {
    assertThatThrownBy(() -> executor.execute("SELECT potencia_mw FROM serving.potenciainstalada", 10, Duration.ofSeconds(120), null))
        .isInstanceOf(SqlExecutionException.class).hasMessageContaining("potencia_mw")
        .satisfies(e -> assertThat(((SqlExecutionException) e).kind()).isEqualTo(SqlExecutionException.Kind.SQL));
  }

  @Test
  void should_cancel_job_group_and_report_timeout_when_query_runs_too_long() throws Exception {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> executor.execute("SELECT sum(id * id % 7) FROM range(0, 200000000000)", 1, Duration.ofSeconds(3), null))
        .isInstanceOf(SqlExecutionException.class)
        .satisfies(e -> assertThat(((SqlExecutionException) e).kind()).isEqualTo(SqlExecutionException.Kind.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));

    // the session is free again: the cancelled job does not hold the executor
    long deadline = System.currentTimeMillis() + 30_000;
    while (rt.spark().sparkContext().statusTracker().getActiveJobIds().length > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertThat(rt.spark().sparkContext().statusTracker().getActiveJobIds()).isEmpty();
    assertThat(executor.execute("SELECT count(*) AS n FROM serving.potenciainstalada", 1, Duration.ofSeconds(120), null)
        .rows().get(0).get(0)).isEqualTo(282L);
  }

  @Test
  void should_answer_repeated_statement_from_cache_until_a_new_commit_changes_the_table() throws Exception {
    SparkSqlExecutor cached = new SparkSqlExecutor(rt::spark, rt.workspace().tables());
    String dir = rt.workspace().tables().resolve("cache_probe").toString();
    rt.spark().sql("CREATE DATABASE IF NOT EXISTS cache_probe LOCATION '" + dir + "'");
    try {
      rt.spark().sql("CREATE OR REPLACE TABLE cache_probe.t (n BIGINT) USING delta");
      rt.spark().sql("INSERT INTO cache_probe.t VALUES (1), (2)");
      String sql = "SELECT count(*) AS n FROM cache_probe.t";

      assertThat(cached.execute(sql, 10, Duration.ofSeconds(120), null).rows().get(0).get(0)).isEqualTo(2L);
      assertThat(cached.execute(sql, 10, Duration.ofSeconds(120), null).rows().get(0).get(0)).isEqualTo(2L);
      assertThat(cached.cacheHits()).isEqualTo(1);

      rt.spark().sql("INSERT INTO cache_probe.t VALUES (3)"); // a new Delta version: the cached result is stale
      assertThat(cached.execute(sql, 10, Duration.ofSeconds(120), null).rows().get(0).get(0)).isEqualTo(3L);
      assertThat(cached.cacheHits()).isEqualTo(1);

      // a statement over something that is not a workspace Delta table is never cached
      cached.execute("SELECT 1 AS one FROM range(1)", 10, Duration.ofSeconds(120), null);
      cached.execute("SELECT 1 AS one FROM range(1)", 10, Duration.ofSeconds(120), null);
      assertThat(cached.cacheHits()).isEqualTo(1);
    } finally {
      rt.spark().sql("DROP DATABASE IF EXISTS cache_probe CASCADE");
    }
  }
}
