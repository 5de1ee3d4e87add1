package io.datagent.agent.trusted;

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
import io.datagent.agent.semantic.SemanticModelSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decorator in front of the compiler, over a stand-in engine that records every statement. */
class TrustedQueryAgentTest {

  static final TableDescription PLANTS = new TableDescription(new TableInfo("serving", "plantas", "Centrales"),
      List.of(new ColumnInfo("central", "STRING", "CENTRAL", List.of()), new ColumnInfo("region", "STRING", "REGION", List.of()),
          new ColumnInfo("potencia_mw", "DECIMAL(10,1)", "POTENCIA [MW]", List.of())));

  final Fixtures.RecordingExecutor engine = Fixtures.RecordingExecutor.by(this::answer);
  final InMemoryTrustedQueries store = new InMemoryTrustedQueries(List.of(TrustedMatcherTest.BY_REGION));

  QueryResult answer(String sql) {
    String s = sql.replace(" ", "").toLowerCase(Locale.ROOT);
    if (s.startsWith("selectcount(*)asn")) {
      return new QueryResult(List.of("n", "d0", "d1", "d2"), List.of("BIGINT", "BIGINT", "BIGINT", "BIGINT"),
          List.of(List.of(3L, 3L, 2L, 3L)), false);
    }
    if (s.startsWith("selecttrim(region)asv")) {
      return new QueryResult(List.of("v", "n"), List.of("STRING", "BIGINT"), List.of(List.of("CUYO", 2L), List.of("NOA", 1L)), false);
    }
    if (s.startsWith("selectsum(potencia_mw)aspotenciafromserving.plantaswhereregion='cuyo'")) {
      return new QueryResult(List.of("potencia"), List.of("DECIMAL"), List.of(List.of(new BigDecimal("30.5"))), false);
    }
    return new QueryResult(List.of("x"), List.of("STRING"), List.of(), false);
  }

  Agent agent() {
    return AgentFactory.create(AgentConfig.defaults(), r -> List.of(), Fixtures.catalog(PLANTS), engine, null,
        SemanticModelSource.NONE, store);
  }

  @Test
  void should_answer_with_the_trusted_query_labelled_and_its_parameters_when_a_pattern_matches() {
    AgentAnswer a = agent().answer(AgentRequest.of("potencia instalada en cuyo"), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo(AgentAnswer.TRUSTED);
    assertThat(a.answer()).startsWith("**Consulta verificada: Potencia instalada de una región**")
        .contains("Parámetros: region = CUYO").contains("Resultado: **30.5**");
    assertThat(a.sql()).singleElement().asString().contains("region = 'CUYO'").containsIgnoringCase("LIMIT");
    assertThat(a.toolCalls().get(0).tool()).isEqualTo(TrustedQueryAgent.TOOL);
    assertThat(a.toolCalls().get(0).arguments()).contains("\"id\":\"" + TrustedMatcherTest.BY_REGION.id() + "\"")
        .contains("{region}").contains("\"name\":\"region\",\"type\":\"texto\",\"value\":\"CUYO\"");
  }

  @Test
  void should_fall_through_to_the_compiler_when_no_pattern_matches() {
    AgentAnswer a = agent().answer(AgentRequest.of("potencia por región"), AnswerListener.NONE);

    assertThat(a.mode()).isNotEqualTo(AgentAnswer.TRUSTED);
    assertThat(a.answer()).doesNotContain("Consulta verificada");
  }

  @Test
  void should_fall_through_when_the_guard_refuses_the_trusted_sql() {
    store.save(new TrustedQuery("bad", "serving.plantas", "Lee otro esquema", List.of("secretos de {region}"),
        "SELECT * FROM otro.secretos WHERE region = :region", Map.of("region", ParamType.TEXT), "x", java.time.Instant.EPOCH));

    AgentAnswer a = agent().answer(AgentRequest.of("secretos de CUYO"), AnswerListener.NONE);

    assertThat(a.mode()).isNotEqualTo(AgentAnswer.TRUSTED);
    assertThat(engine.executed).noneMatch(s -> s.contains("otro.secretos"));
  }
}
