package io.datagent.agent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.Fixtures;
import io.datagent.agent.QueryResult;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent without a model, end to end over a stand-in engine that answers the profiling queries from a small
 * in-memory table and records every statement. Real SQL on Spark is in the local module's SemanticAnswersTest.
 */
class SemanticAgentTest {

  static final TableDescription PLANTS = new TableDescription(new TableInfo("serving", "plantas", "Centrales eléctricas"),
      List.of(new ColumnInfo("central", "STRING", "CENTRAL", List.of()), new ColumnInfo("region", "STRING", "REGION", List.of()),
          new ColumnInfo("potencia_mw", "DECIMAL(10,1)", "POTENCIA [MW]", List.of()),
          new ColumnInfo("_source_row", "BIGINT", null, List.of())));
  static final List<List<Object>> ROWS = List.of(List.of("A1", "CUYO", new BigDecimal("10.5")),
      List.of("B2", "CUYO", new BigDecimal("20.0")), List.of("C3", "NOA", new BigDecimal("7.0")));

  final Fixtures.RecordingExecutor engine = Fixtures.RecordingExecutor.by(this::answer);

  /** Answers by the statement's shape (the guard rewrites spacing and case, so compare without them). */
  QueryResult answer(String guarded) {
    String sql = guarded.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    if (sql.startsWith("selectcount(*)asn")) {
      return new QueryResult(List.of("n", "d0", "d1", "d2"), List.of("BIGINT", "BIGINT", "BIGINT", "BIGINT"),
          List.of(List.of(3L, 3L, 2L, 3L)), false);
    }
    if (sql.startsWith("selecttrim(region)asv")) {
      return new QueryResult(List.of("v", "n"), List.of("STRING", "BIGINT"), List.of(List.of("CUYO", 2L), List.of("NOA", 1L)), false);
    }
    if (sql.startsWith("selecttrim(central)asv")) {
      return new QueryResult(List.of("v", "n"), List.of("STRING", "BIGINT"), ROWS.stream().map(r -> List.<Object>of(r.get(0), 1L)).toList(), false);
    }
    if (sql.equals("selectsum(potencia_mw)asvalorfromserving.plantaswheretrim(region)in('cuyo')limit200")) {
      BigDecimal sum = ROWS.stream().filter(r -> r.get(1).equals("CUYO")).map(r -> (BigDecimal) r.get(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
      return new QueryResult(List.of("valor"), List.of("DECIMAL"), List.of(List.of(sum)), false);
    }
    if (sql.startsWith("selecttrim(region)asregion,sum(potencia_mw)asvalor")) {
      return new QueryResult(List.of("region", "valor"), List.of("STRING", "DECIMAL"),
          List.of(List.of("CUYO", new BigDecimal("30.5")), List.of("NOA", new BigDecimal("7.0"))), false);
    }
    return new QueryResult(List.of("x"), List.of("STRING"), List.of(), false);
  }

  Agent agent() {
    return AgentFactory.create(AgentConfig.defaults(), r -> List.of(), Fixtures.catalog(PLANTS), engine);
  }

  @Test
  void should_state_the_computed_total_with_unit_interpretation_and_sql_when_question_is_analytic() {
    AgentAnswer a = agent().answer(AgentRequest.of("¿Cuánta potencia hay en la región Cuyo?"), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo(AgentAnswer.SEMANTIC);
    assertThat(a.answer()).startsWith("**El total de potencia con region = CUYO es 30,5 MW.**")
        .contains("Entendí: el total de potencia (MW) de la tabla serving.plantas; filtro: con region = CUYO.")
        .contains("```sql\n" + a.sql().get(0) + "\n```");
    assertThat(a.sql()).singleElement().asString().containsIgnoringCase("SUM(potencia_mw) AS valor FROM serving.plantas WHERE")
        .contains("'CUYO'");
    assertThat(a.notice()).contains("modelo semántico");
  }

  @Test
  void should_return_the_grouped_rows_for_a_chart_when_question_groups() {
    AgentAnswer a = agent().answer(AgentRequest.of("potencia por región"), AnswerListener.NONE);

    assertThat(a.result().columns()).containsExactly("region", "valor");
    assertThat(a.result().rows()).hasSize(2);
    assertThat(a.answer()).contains("CUYO: 30,5 MW; NOA: 7 MW");
  }

  @Test
  void should_profile_each_table_once_and_compile_later_questions_without_sql() {
    Agent agent = agent();
    agent.answer(AgentRequest.of("potencia por región"), AnswerListener.NONE);
    int afterFirst = engine.executed.size();

    agent.answer(AgentRequest.of("potencia por región"), AnswerListener.NONE);

    assertThat(engine.executed.size() - afterFirst).isEqualTo(1);
  }

  @Test
  void should_describe_a_column_when_question_asks_what_it_means() {
    AgentAnswer a = agent().answer(AgentRequest.of("¿Qué significa POTENCIA_MW?"), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo(AgentAnswer.SEMANTIC);
    assertThat(a.answer()).contains("columna `potencia_mw`").contains("en **MW**").contains("total").contains("«POTENCIA [MW]»")
        .contains("`DECIMAL(10,1)`");
    assertThat(a.result()).isNull();
  }

  @Test
  void should_answer_in_spanish_without_exception_when_input_is_bad() {
    Agent agent = agent();
    for (String q : new String[] {"", "   ", "x".repeat(100_000), "SELECT * FROM serving.no_existe",
        "¿Cuántos empleados tiene la tabla ventas_2031?", "DROP TABLE serving.plantas"}) {
      AgentAnswer a = agent.answer(AgentRequest.of(q), AnswerListener.NONE);
      assertThat(a.answer()).as(q.length() > 40 ? "100 KB" : q).isNotBlank().doesNotContain("Exception");
      assertThat(a.mode()).isIn(AgentAnswer.REFUSED, AgentAnswer.EXTRACTIVE, AgentAnswer.SEMANTIC);
    }
    assertThat(engine.executed).noneMatch(s -> s.toUpperCase(java.util.Locale.ROOT).startsWith("DROP"));
  }

  @Test
  void should_fall_back_to_the_extractive_answer_when_question_is_not_analytic() {
    AgentAnswer a = agent().answer(AgentRequest.of("Mostrame la central A1"), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo(AgentAnswer.EXTRACTIVE);
  }

  @Test
  void should_use_the_engineers_yaml_instead_of_deriving_when_source_has_one() {
    String yaml = "version: 1.1\nsource: serving.plantas\ndimensions:\n  - name: zona\n    expr: region\n"
        + "    synonyms: [zona]\nmeasures:\n  - name: capacidad\n    expr: SUM(potencia_mw)\n    display_name: Capacidad\n"
        + "    synonyms: [capacidad, potencia]\n";
    Agent agent = AgentFactory.create(AgentConfig.defaults(), r -> List.of(), Fixtures.catalog(PLANTS), engine,
        null, t -> t.equals("serving.plantas") ? java.util.Optional.of(yaml) : java.util.Optional.empty());

    AgentAnswer a = agent.answer(AgentRequest.of("capacidad por zona"), AnswerListener.NONE);

    assertThat(a.sql()).singleElement().asString().containsIgnoringCase("AS zona, SUM(potencia_mw) AS valor")
        .containsIgnoringCase("GROUP BY Trim( region )");
    // no profiling with a YAML: only the row count that ranks tables reading a question equally
    assertThat(engine.executed).noneMatch(s -> s.contains("count(DISTINCT"));
  }
}
