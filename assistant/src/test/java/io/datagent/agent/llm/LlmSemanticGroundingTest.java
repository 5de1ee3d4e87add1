package io.datagent.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.Fixtures;
import io.datagent.agent.QueryResult;
import io.datagent.agent.ToolCallTrace;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model grounded on the semantic model (issue 12, item 4), against the loopback OpenAI-compatible server: the
 * prompt carries the semantic card, the compiler is a tool whose number reaches the answer with its interpretation
 * and SQL, and the model's own SQL is still guarded. The engine computes from a small in-memory table.
 */
class LlmSemanticGroundingTest {

  static final TableDescription PLANTS = new TableDescription(new TableInfo("serving", "plantas", "Centrales eléctricas"),
      List.of(new ColumnInfo("central", "STRING", "CENTRAL", List.of()), new ColumnInfo("region", "STRING", "REGION", List.of()),
          new ColumnInfo("potencia_mw", "DECIMAL(10,1)", "POTENCIA [MW]", List.of()),
          new ColumnInfo("_source_row", "BIGINT", null, List.of())));
  static final List<List<Object>> ROWS = List.of(List.of("A1", "CUYO", new BigDecimal("10.5")),
      List.of("B2", "CUYO", new BigDecimal("20.0")), List.of("C3", "NOA", new BigDecimal("7.0")));

  ScriptedChatServer server;
  final Fixtures.RecordingExecutor engine = Fixtures.RecordingExecutor.by(this::answer);

  /** Answers the profiling queries and a region's total from {@link #ROWS} (spacing and case aside). */
  QueryResult answer(String guarded) {
    String sql = guarded.replace(" ", "").toLowerCase(Locale.ROOT);
    if (sql.startsWith("selectcount(*)asn")) {
      return new QueryResult(List.of("n", "d0", "d1", "d2"), List.of("BIGINT", "BIGINT", "BIGINT", "BIGINT"),
          List.of(List.of((long) ROWS.size(), 3L, 2L, 3L)), false);
    }
    if (sql.startsWith("selecttrim(region)asv")) {
      return new QueryResult(List.of("v", "n"), List.of("STRING", "BIGINT"), List.of(List.of("CUYO", 2L), List.of("NOA", 1L)), false);
    }
    if (sql.startsWith("selecttrim(central)asv")) {
      return new QueryResult(List.of("v", "n"), List.of("STRING", "BIGINT"), ROWS.stream().map(r -> List.<Object>of(r.get(0), 1L)).toList(), false);
    }
    if (sql.startsWith("selectsum(potencia_mw)asvalorfromserving.plantaswheretrim(region)in('")) {
      String region = sql.substring(sql.indexOf("in('") + 4, sql.indexOf("')"));
      BigDecimal sum = ROWS.stream().filter(r -> ((String) r.get(1)).equalsIgnoreCase(region)).map(r -> (BigDecimal) r.get(2))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      return new QueryResult(List.of("valor"), List.of("DECIMAL"), List.of(List.of(sum)), false);
    }
    return new QueryResult(List.of("x"), List.of("STRING"), List.of(), false);
  }

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Agent agent() {
    LlmConfig llm = LlmConfig.openAi(server.baseUrl(), "test-key", "test-model").withTimeout(Duration.ofSeconds(10), 0);
    return AgentFactory.create(AgentConfig.defaults().withLlm(llm),
        Fixtures.retriever(Fixtures.row("plantas", "plantas.csv", 2, "central: A1 | region: CUYO | potencia_mw: 10.5")),
        Fixtures.catalog(PLANTS), engine);
  }

  @Test
  void should_send_semantic_card_with_measure_unit_and_value_examples_when_model_is_built() {
    server.text("Respuesta.");

    agent().answer(AgentRequest.of("¿Cuánta potencia hay en Cuyo?"), AnswerListener.NONE);

    String system = server.received.get(0).body().path("messages").get(0).path("content").asText();
    assertThat(system).contains("### serving.plantas").contains("Medidas:")
        .contains("- potencia_mw DECIMAL(10,1): «Potencia [MW]», unidad MW, agregación total (SUM)")
        .contains("- region STRING: «Region»").contains("valores (2): CUYO | NOA").contains("compilar_pregunta");
    assertThat(server.received.get(0).body().path("tools").toString()).contains("\"compilar_pregunta\"").contains("\"pregunta\"");
  }

  @Test
  void should_carry_computed_number_interpretation_and_sql_when_model_calls_compiler() {
    server.toolCall("compilar_pregunta", "{\"pregunta\":\"¿Cuánta potencia hay en la región Noa?\"}")
        .text("La potencia instalada en NOA es 7 MW.");

    AgentAnswer a = agent().answer(AgentRequest.of("¿Cuánta potencia hay en la región Noa?"), AnswerListener.NONE);

    assertThat(server.messages(1)).contains("Respuesta calculada: El total de potencia con region = NOA es 7 MW.")
        .contains("Entendí: el total de potencia (MW) de la tabla serving.plantas; filtro: con region = NOA.");
    assertThat(a.mode()).isEqualTo(AgentAnswer.LLM);
    assertThat(a.sql()).singleElement().asString().containsIgnoringCase("SUM(potencia_mw) AS valor FROM serving.plantas").contains("'NOA'");
    assertThat(a.answer()).startsWith("La potencia instalada en NOA es 7 MW.")
        .contains("Entendí: el total de potencia (MW) de la tabla serving.plantas")
        .contains("```sql\n" + a.sql().get(0) + "\n```");
    assertThat(a.result().rows()).singleElement().isEqualTo(List.of(new BigDecimal("7.0")));
    assertThat(a.toolCalls()).extracting(ToolCallTrace::tool).contains("compilar_pregunta", "run_sql");
  }

  @Test
  void should_return_reason_and_no_number_when_compiler_cannot_read_question() {
    server.toolCall("compilar_pregunta", "{\"pregunta\":\"¿Qué opina del clima político?\"}").text("No puedo responder eso con los datos.");

    AgentAnswer a = agent().answer(AgentRequest.of("¿Qué opina del clima político?"), AnswerListener.NONE);

    assertThat(server.messages(1)).contains("El compilador no respondió").contains("run_sql");
    assertThat(a.sql()).isEmpty();
    assertThat(a.answer()).doesNotContain("Entendí");
    assertThat(a.toolCalls()).filteredOn(t -> t.tool().equals("compilar_pregunta")).singleElement()
        .satisfies(t -> assertThat(t.error()).isEqualTo("declined"));
  }

  @Test
  void should_refuse_attacking_sql_when_model_writes_it_after_the_compiler_answered() {
    server.toolCall("compilar_pregunta", "{\"pregunta\":\"¿Cuánta potencia hay en la región Cuyo?\", \"tabla\":\"serving.plantas\"}")
        .toolCall("run_sql", "{\"sql\":\"DROP TABLE serving.plantas\"}")
        .toolCall("run_sql", "{\"sql\":\"SELECT 1; DELETE FROM serving.plantas\"}")
        .text("No puedo modificar datos.");

    AgentAnswer a = agent().answer(AgentRequest.of("¿Cuánta potencia hay en Cuyo?"), AnswerListener.NONE);

    assertThat(server.messages(1)).contains("30,5 MW");
    assertThat(engine.answering()).singleElement().asString().containsIgnoringCase("SUM(potencia_mw)");
    assertThat(a.toolCalls()).filteredOn(t -> t.tool().equals("run_sql") && t.error() != null).hasSize(2)
        .allMatch(t -> t.error().startsWith("sql_rejected"));
    assertThat(server.messages(2)).contains("30,5 MW");
    assertThat(a.answer()).contains("Entendí: el total de potencia (MW)");
  }
}
