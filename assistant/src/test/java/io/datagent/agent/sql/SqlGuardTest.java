package io.datagent.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlGuardTest {

  final SqlGuard guard = new SqlGuard(SqlPolicy.servingOnly());

  static String code(SqlGuard g, String sql) {
    try {
      g.check(sql);
      return "accepted";
    } catch (SqlRejectedException e) {
      return e.code();
    }
  }

  @Test
  void should_add_limit_and_qualify_tables_when_select_is_plain() throws Exception {
    GuardedSql g = guard.check("SELECT central, potencia_instalada_mw FROM potenciainstalada WHERE central = 'ABRO'");

    assertThat(g.sql()).isEqualTo("SELECT central, potencia_instalada_mw FROM serving.potenciainstalada WHERE central = 'ABRO' LIMIT 200");
    assertThat(g.tables()).containsExactly("serving.potenciainstalada");
    assertThat(g.limit()).isEqualTo(200);
  }

  @Test
  void should_clamp_limit_when_query_asks_for_more_rows_than_allowed() throws Exception {
    assertThat(guard.check("SELECT * FROM serving.t LIMIT 100000").sql()).endsWith("LIMIT 200");
    assertThat(guard.check("SELECT * FROM serving.t LIMIT 5").sql()).endsWith("LIMIT 5");
    assertThat(guard.check("SELECT * FROM serving.t FETCH FIRST 10 ROWS ONLY").sql()).doesNotContain("FETCH").endsWith("LIMIT 200");
  }

  @Test
  void should_accept_with_cte_and_union_when_they_read_only_allowed_tables() throws Exception {
    GuardedSql g = guard.check("WITH abro AS (SELECT * FROM serving.potenciainstalada WHERE central = 'ABRO') "
        + "SELECT a.central, sum(a.potencia_instalada_mw) AS mw FROM abro a GROUP BY a.central "
        + "UNION ALL SELECT 'x', 1 FROM cammesa_res ORDER BY mw DESC");

    assertThat(g.tables()).containsExactlyInAnyOrder("serving.potenciainstalada", "abro", "serving.cammesa_res");
    assertThat(g.sql()).contains("FROM abro a").contains("FROM serving.cammesa_res").endsWith("LIMIT 200");
  }

  @Test
  void should_qualify_a_cte_name_used_outside_its_scope() throws Exception {
    GuardedSql g = guard.check("SELECT * FROM (WITH b AS (SELECT 1 AS n) SELECT * FROM b) x JOIN b ON 1 = 1");

    assertThat(g.tables()).containsExactly("b", "serving.b");
    assertThat(g.sql()).contains("JOIN serving.b ON");
  }

  @Test
  void should_clamp_the_limit_of_a_union_once() throws Exception {
    assertThat(guard.check("SELECT a FROM serving.t UNION SELECT b FROM serving.u LIMIT 100000").sql())
        .isEqualTo("SELECT a FROM serving.t UNION SELECT b FROM serving.u LIMIT 200");
    assertThat(guard.check("SELECT a FROM serving.t UNION ALL SELECT b FROM serving.u").sql())
        .isEqualTo("SELECT a FROM serving.t UNION ALL SELECT b FROM serving.u LIMIT 200");
    assertThat(guard.check("(SELECT a FROM serving.t) UNION (SELECT b FROM serving.u) LIMIT 7").sql()).endsWith("LIMIT 7");
  }

  @Test
  void should_keep_spark_functions_and_backticks_when_rewriting() throws Exception {
    String sql = guard.check("SELECT date_trunc('MONTH', fecha) AS mes, avg(`demanda_distribuidor`) FROM serving.cammesa_res "
        + "WHERE year(fecha) = 2024 GROUP BY 1 ORDER BY 1").sql();

    assertThat(sql).contains("date_trunc('MONTH', fecha)").contains("`demanda_distribuidor`").endsWith("LIMIT 200");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM serving.t; DROP TABLE serving.t",
      "SELECT 1; SELECT 2"})
  void should_refuse_when_statements_are_chained(String sql) {
    assertThat(code(guard, sql)).isEqualTo("multiple_statements");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DROP TABLE serving.potenciainstalada",
      "DELETE FROM serving.potenciainstalada WHERE 1 = 1",
      "UPDATE serving.potenciainstalada SET potencia_instalada_mw = 0",
      "INSERT INTO serving.potenciainstalada VALUES (1)",
      "CREATE TABLE serving.x AS SELECT * FROM serving.potenciainstalada",
      "ALTER TABLE serving.potenciainstalada ADD COLUMN x INT",
      "TRUNCATE TABLE serving.potenciainstalada",
      "MERGE INTO serving.t USING serving.s ON t.id = s.id WHEN MATCHED THEN DELETE"})
  void should_refuse_when_statement_is_dml_or_ddl(String sql) {
    assertThat(code(guard, sql)).isIn("not_select", "parse_error");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM raw.potenciainstalada",
      "SELECT * FROM information_schema.tables",
      "SELECT * FROM serving.t JOIN secret.keys k ON 1 = 1",
      "SELECT * FROM serving.t WHERE central IN (SELECT central FROM other.t)",
      "SELECT * FROM serving.t ORDER BY (SELECT max(x) FROM other.t)"})
  void should_refuse_when_a_table_is_outside_allowed_schemas(String sql) {
    assertThat(code(guard, sql)).isEqualTo("schema_not_allowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM csv.`/etc/passwd`",
      "SELECT * FROM delta.`/tmp/ws/tables/raw/x`",
      "SELECT * FROM text.x"})
  void should_refuse_when_a_table_is_a_file_path(String sql) {
    assertThat(code(guard, sql)).isEqualTo("path_table");
  }

  @Test
  void should_refuse_other_catalogs_and_accept_the_configured_one() throws Exception {
    SqlGuard g = new SqlGuard(new SqlPolicy(Set.of("serving"), "serving", "main", 50, 20_000));

    assertThat(code(g, "SELECT * FROM other_catalog.serving.t")).isEqualTo("catalog_not_allowed");
    assertThat(g.check("SELECT * FROM main.serving.t").sql()).isEqualTo("SELECT * FROM main.serving.t LIMIT 50");
    assertThat(code(guard, "SELECT * FROM main.serving.t")).isEqualTo("catalog_not_allowed");
  }

  @Test
  void should_allow_raw_when_policy_includes_it() throws Exception {
    SqlGuard g = new SqlGuard(new SqlPolicy(Set.of("serving", "raw"), "serving", null, 10, 20_000));

    assertThat(g.check("SELECT * FROM RAW.`Potenciainstalada`").tables()).containsExactly("raw.potenciainstalada");
    assertThat(code(g, "SELECT * FROM raw._ingestion_log")).isEqualTo("internal_table");
    assertThat(code(g, "SELECT * FROM `RAW`.`_ingestion_log`")).isEqualTo("internal_table");
    assertThat(code(g, "SELECT * FROM IDENTIFIER('raw._ingestion_log')")).isEqualTo("identifier_clause");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT reflect('java.lang.Runtime', 'getRuntime') FROM serving.t",
      "SELECT java_method('java.lang.System', 'exit', 0)",
      "SELECT * FROM serving.t WHERE secret('scope', 'key') = 'x'",
      "SELECT ai_query('endpoint', central) FROM serving.t",
      "SELECT http_request('GET', 'http://x')",
      "SELECT serving.my_udf(central) FROM serving.t",
      "SELECT `reflect`('java.lang.System', 'getenv', 'DATABRICKS_TOKEN') AS t",
      "SELECT `java_method`('java.lang.System', 'getenv', 'OPENAI_API_KEY')",
      "SELECT system.builtin.reflect('java.lang.System', 'getenv', 'X')"})
  void should_refuse_when_a_function_reaches_outside_the_data(String sql) {
    assertThat(code(guard, sql)).isEqualTo("denied_function");
  }

  @Test
  void should_refuse_table_functions_and_select_into() {
    assertThat(code(guard, "SELECT * FROM read_files('/Volumes/main/raw/uploads')")).isEqualTo("table_function");
    assertThat(code(guard, "SELECT * INTO serving.copia FROM serving.t")).isEqualTo("select_into");
  }

  @Test
  void should_refuse_with_spanish_reason_when_sql_is_empty_too_long_or_unparseable() {
    assertThatThrownBy(() -> guard.check(" ")).hasMessageContaining("vacía");
    assertThatThrownBy(() -> guard.check("SELECT 1 " + "x".repeat(30_000))).hasMessageContaining("demasiado larga");
    assertThatThrownBy(() -> guard.check("SELEC central FROM")).isInstanceOf(SqlRejectedException.class)
        .hasMessageContaining("No se pudo analizar");
  }

  @Test
  void should_ignore_semicolons_inside_literals_and_comments() throws Exception {
    assertThat(guard.check("SELECT * FROM serving.t WHERE nota = 'a; DROP TABLE serving.t' -- ; DELETE").sql())
        .contains("'a; DROP TABLE serving.t'").endsWith("LIMIT 200");
  }
}
