package io.datagent.local.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.GuardedSql;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.sql.SqlPolicy;
import io.datagent.agent.sql.SqlRejectedException;
import io.datagent.local.LocalRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard against real Spark: what it lets through runs, and attacks that work on bare Spark are refused first. */
class SqlGuardOnSparkTest {

  final LocalRuntime rt = LocalAgentFixture.runtime();
  final SparkSqlExecutor executor = new SparkSqlExecutor(rt::spark);
  final SqlGuard guard = new SqlGuard(SqlPolicy.servingOnly());

  QueryResult run(String sql) throws Exception {
    GuardedSql g = guard.check(sql);
    return executor.execute(g.sql(), (int) g.limit(), Duration.ofSeconds(120), null);
  }

  QueryResult bare(String sql) throws Exception {
    return executor.execute(sql, 10, Duration.ofSeconds(120), null);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT central, potencia_instalada_mw FROM potenciainstalada WHERE central = 'ABRO'",
      "SELECT `central` AS `Central eléctrica`, `potencia_instalada_mw` FROM `SERVING`.`PotenciaInstalada` WHERE central = 'ABRO'",
      "SELECT central, rank() OVER (ORDER BY potencia_instalada_mw DESC) AS puesto FROM serving.potenciainstalada WHERE central = 'ABRO'",
      "WITH m AS (SELECT central, sum(potencia_instalada_mw) AS mw FROM serving.potenciainstalada GROUP BY central) "
          + "SELECT central, mw FROM m WHERE central = 'ABRO'",
      "SELECT central, CASE WHEN potencia_instalada_mw > 10 THEN 'grande' ELSE 'chica' END AS `tamaño`, year(periodo) AS anio "
          + "FROM serving.potenciainstalada WHERE central RLIKE '^ABR[O]$'",
      "SELECT split(central, ' ')[0] AS c, transform(array(1), x -> x * 2)[0] AS d FROM serving.potenciainstalada "
          + "WHERE upper(central) LIKE 'ABRO%' -- comentario"})
  void should_run_allowed_sql_on_spark(String sql) throws Exception {
    QueryResult r = run(sql);

    assertThat(r.rows()).hasSize(1);
    assertThat(r.rows().get(0).get(0)).isEqualTo("ABRO");
  }

  @Test
  void should_clamp_a_union_to_the_policy_limit_on_spark() throws Exception {
    QueryResult r = run("SELECT central FROM serving.potenciainstalada UNION ALL SELECT central FROM serving.potenciainstalada LIMIT 100000");

    assertThat(r.rows()).hasSize(200);
  }

  @Test
  void should_refuse_attacks_that_work_on_bare_spark() throws Exception {
    Path secret = Files.createTempFile("datagent-canary", ".txt");
    Files.writeString(secret, "CANARY-SECRET-42\n", StandardCharsets.UTF_8);
    List<String> attacks = List.of(
        "SELECT `reflect`('java.lang.System', 'getProperty', 'java.version') AS t",
        "SELECT `JAVA_METHOD`('java.lang.System', 'getProperty', 'java.version') AS t",
        "SELECT * FROM text.`" + secret + "`",
        "SELECT * FROM IDENTIFIER('serving.potenciainstalada') LIMIT 1",
        "SELECT * FROM range(3)",
        "SELECT 'a\\'b' AS x");
    for (String sql : attacks) {
      assertThat(bare(sql).rows()).as("works on bare Spark: %s", sql).isNotEmpty();
      assertThatThrownBy(() -> guard.check(sql)).as(sql).isInstanceOf(SqlRejectedException.class);
    }
    assertThat(bare("SELECT * FROM text.`" + secret + "`").rows().get(0).get(0)).isEqualTo("CANARY-SECRET-42");
  }

  @Test
  void should_refuse_variable_substitution_that_bare_spark_expands_inside_literals() throws Exception {
    String sql = "SELECT '${system:java.version}' AS v";

    assertThat(String.valueOf(bare(sql).rows().get(0).get(0))).isEqualTo(System.getProperty("java.version"));
    assertThatThrownBy(() -> guard.check(sql)).isInstanceOf(SqlRejectedException.class)
        .hasMessageContaining("${...}");
  }
}
