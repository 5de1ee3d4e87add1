package io.datagent.agent.extractive;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.Fixtures;
import io.datagent.agent.Fixtures.RecordingExecutor;
import io.datagent.agent.QueryResult;
import io.datagent.retrieval.Retriever;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Extractive answers; the SQL they produce runs for real in the local module's Spark tests. */
class ExtractiveAgentTest {

  RecordingExecutor executor = RecordingExecutor.by(sql -> sql.startsWith("SELECT max(")
      ? new QueryResult(List.of("maximo_potencia_instalada_mw", "filas"), List.of("DECIMAL(38,3)", "BIGINT"),
          List.of(List.of(new java.math.BigDecimal("25.000"), 1L)), false)
      : Fixtures.abroRow());

  /** The extractive agent itself (the factory puts the question compiler in front of it). */
  Agent agent(Retriever retriever) {
    AgentConfig c = AgentConfig.defaults();
    io.datagent.agent.sql.SqlGuard guard = new io.datagent.agent.sql.SqlGuard(c.sqlPolicy());
    io.datagent.agent.tool.Toolbox tools = new io.datagent.agent.tool.Toolbox(retriever, Fixtures.catalog(Fixtures.POTENCIA),
        guard, executor, c.sqlTimeout(), c.maxSqlAttempts());
    return new ExtractiveAgent(tools, new io.datagent.agent.QuestionCheck(c.maxQuestionChars(), guard),
        "Sin modelo de lenguaje configurado: respuesta extractiva.");
  }

  @Test
  void should_quote_rows_of_retriever_hits_with_file_row_and_sql_when_no_model() {
    AgentAnswer a = agent(Fixtures.retriever(Fixtures.row("potenciainstalada", "PotenciaInstalada.csv", 2, "ABRO 25.000")))
        .answer(AgentRequest.of("¿Cuál es la potencia instalada de la central ABRO?"), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo("extractive");
    assertThat(a.notice()).contains("Sin modelo de lenguaje configurado");
    assertThat(a.answer()).startsWith("**Respuesta extractiva (sin modelo de lenguaje):**")
        .contains("Archivo PotenciaInstalada.csv, fila 2").contains("potencia_instalada_mw = 25.000")
        .contains("POTENCIA INSTALADA [MW]").contains("```sql").contains("Fuentes:");
    assertThat(executor.executed).containsExactly("SELECT * FROM serving.potenciainstalada WHERE _source_row IN (2) "
        + "AND _source_file = 'PotenciaInstalada.csv' ORDER BY CASE _source_row WHEN 2 THEN 0 END, _source_row LIMIT 5");
    assertThat(a.result()).isEqualTo(Fixtures.abroRow());
  }

  @Test
  void should_keep_the_best_hit_first_when_hits_are_not_in_file_order() {
    agent(Fixtures.retriever(Fixtures.row("potenciainstalada", "PotenciaInstalada.csv", 200, "best"),
        Fixtures.row("potenciainstalada", "PotenciaInstalada.csv", 2, "second")))
        .answer(AgentRequest.of("DEMANDA el 15 de julio de 2023"), AnswerListener.NONE);

    assertThat(executor.executed.get(0)).contains("WHERE _source_row IN (200, 2)")
        .contains("ORDER BY CASE _source_row WHEN 200 THEN 0 WHEN 2 THEN 1 END, _source_row");
  }

  @Test
  void should_search_rows_by_distinctive_words_when_retriever_finds_nothing() {
    AgentAnswer a = agent(Fixtures.retriever()).answer(AgentRequest.of("¿Cuál es la potencia instalada de la central ABRO?"),
        AnswerListener.NONE);

    assertThat(executor.executed).singleElement().asString().startsWith("SELECT * FROM serving.potenciainstalada WHERE")
        .contains("LIKE '%abro%'").doesNotContain("LIKE '%potencia%'").endsWith("LIMIT 5");
    assertThat(a.answer()).contains("central = ABRO");
  }

  @Test
  void should_compute_no_figure_when_the_question_asks_for_a_maximum_it_only_finds_rows_for() {
    AgentAnswer a = agent(Fixtures.retriever()).answer(AgentRequest.of("¿Cuál es la potencia instalada máxima de la central ABRO?"),
        AnswerListener.NONE);

    assertThat(executor.executed).noneMatch(sql -> sql.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\b(max|min|sum|avg)\\(.*"));
    assertThat(a.answer()).doesNotContain("calculado por la base de datos").contains("No se calculó ninguna cifra nueva");
  }

  @Test
  void should_say_rows_could_not_be_read_not_that_none_matched_when_the_query_times_out() {
    executor = new RecordingExecutor(sql -> {
      throw new io.datagent.agent.sql.SqlExecutionException(io.datagent.agent.sql.SqlExecutionException.Kind.TIMEOUT,
          "La consulta superó el tiempo máximo de 30 s y se canceló.");
    });

    AgentAnswer a = agent(Fixtures.retriever()).answer(AgentRequest.of("¿Cuál es la potencia instalada de la central ABRO?"),
        AnswerListener.NONE);

    assertThat(a.answer()).contains("No se pudieron leer las filas: La consulta superó el tiempo máximo").doesNotContain("No encontré");
    assertThat(a.toolCalls()).anyMatch(t -> "sql_timeout".equals(t.error()));
  }

  @Test
  void should_say_nothing_matched_and_list_tables_when_question_matches_no_table() {
    AgentAnswer a = agent(Fixtures.retriever()).answer(AgentRequest.of("¿Qué tiempo hace en Marte?"), AnswerListener.NONE);

    assertThat(a.answer()).contains("no encontré").contains("serving.potenciainstalada");
    assertThat(executor.executed).isEmpty();
  }

  @Test
  void should_run_sql_typed_as_question_through_the_guard() {
    AgentAnswer a = agent(Fixtures.retriever()).answer(AgentRequest.of("SELECT central FROM potenciainstalada"), AnswerListener.NONE);

    assertThat(executor.executed).containsExactly("SELECT central FROM serving.potenciainstalada LIMIT 200");
    assertThat(a.answer()).contains("resultado de su consulta SQL");
  }

  @Test
  void should_refuse_when_question_is_sql_that_writes() {
    AgentAnswer a = agent(Fixtures.retriever()).answer(AgentRequest.of("DELETE FROM serving.potenciainstalada"), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo("refused");
    assertThat(a.error()).isEqualTo("sql_rejected:not_select");
    assertThat(executor.executed).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT `reflect`('java.lang.System','getenv','DATABRICKS_TOKEN') AS t",
      "SELECT `java_method`('java.lang.System','getenv','OPENAI_API_KEY')",
      "SELECT * FROM IDENTIFIER('text.`/etc/passwd`')",
      "SELECT * FROM IDENTIFIER('raw._ingestion_log')",
      "SELECT '${env:DATABRICKS_TOKEN}' AS t",
      "SELECT * FROM text.`/etc/passwd`"})
  void should_refuse_sql_question_that_reaches_outside_the_data_and_run_nothing(String question) {
    AgentAnswer a = agent(Fixtures.retriever()).answer(AgentRequest.of(question), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo("refused");
    assertThat(a.error()).startsWith("sql_rejected:");
    assertThat(executor.executed).isEmpty();
  }

  @Test
  void should_run_nothing_when_sql_question_spells_a_function_in_full_width() {
    AgentAnswer a = agent(Fixtures.retriever()).answer(
        AgentRequest.of("SELECT ｒｅｆｌｅｃｔ('java.lang.System','getenv','DATABRICKS_TOKEN') AS t"), AnswerListener.NONE);

    assertThat(executor.executed).isEmpty(); // answered as words: the guard refuses the text as SQL
    assertThat(a.answer()).doesNotContain("DATABRICKS_TOKEN=");
  }
}
