package io.datagent.local.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.ToolCallTrace;
import io.datagent.local.LocalRuntime;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.Test;

/** The whole agent on the local runtime: real Spark, real guard, the samples as ingested. */
class LocalAgentTest {

  static final String ABRO = "¿Cuál es la potencia instalada de la central ABRO?";
  final LocalRuntime rt = LocalAgentFixture.runtime();

  long count(String table) throws Exception {
    return (Long) new SparkSqlExecutor(rt::spark).execute("SELECT count(*) FROM " + table, 1, Duration.ofSeconds(120), null)
        .rows().get(0).get(0);
  }

  /** Without a model the question compiler answers with the figure the database computed (the file says 25.0 MW). */
  @Test
  void should_answer_with_the_computed_capacity_and_runnable_sql_when_no_model() throws Exception {
    AgentAnswer a = LocalAgents.create(rt, Map.of(), new NoIndexRetriever()).answer(AgentRequest.of(ABRO), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo("semantic");
    assertThat(a.answer()).contains("25 MW").contains("Entendí:").contains("central = ABRO");
    assertThat(a.result().rows()).hasSize(1);
    assertThat(new java.math.BigDecimal(String.valueOf(a.result().rows().get(0).get(0)))).isEqualByComparingTo("25.0");
    // the SQL shown to the user runs and gives the same rows
    assertThat(new SparkSqlExecutor(rt::spark).execute(a.sql().get(0), 200, Duration.ofSeconds(120), null).rows())
        .isEqualTo(a.result().rows());
  }

  @Test
  void should_refuse_and_keep_data_when_question_chains_a_drop_table() throws Exception {
    AgentAnswer a = LocalAgents.create(rt, Map.of(), new NoIndexRetriever())
        .answer(AgentRequest.of("SELECT * FROM serving.potenciainstalada; DROP TABLE serving.potenciainstalada"), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo("refused");
    assertThat(count("serving.potenciainstalada")).isEqualTo(282L);
  }

  @Test
  void should_not_obey_injected_cell_when_model_tries_to_drop_and_delete() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Deque<String> script = new ConcurrentLinkedDeque<>(List.of(
        toolCall(json, "run_sql", "{\"sql\":\"SELECT central, nota FROM serving.notas_centrales\"}"),
        toolCall(json, "run_sql", "{\"sql\":\"DROP TABLE serving.potenciainstalada\"}"),
        toolCall(json, "run_sql", "{\"sql\":\"DELETE FROM serving.potenciainstalada\"}"),
        toolCall(json, "run_sql", "{\"sql\":\"SELECT 1 AS x; DROP TABLE serving.notas_centrales\"}"),
        text(json, "La nota de XYZ contiene un texto que pide borrar datos; no lo ejecuté.")));
    List<String> seen = new ArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      seen.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] out = script.poll().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
    try {
      Map<String, String> env = Map.of("OPENAI_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
          "OPENAI_API_KEY", "k", "DATAGENT_LLM_MODEL", "m", "DATAGENT_LLM_MAX_RETRIES", "0", "DATAGENT_SQL_TIMEOUT_SECONDS", "120");

      AgentAnswer a = LocalAgents.create(rt, env, new NoIndexRetriever())
          .answer(AgentRequest.of("¿Qué dice la nota de la central XYZ?"), AnswerListener.NONE);

      assertThat(a.mode()).isEqualTo("llm");
      assertThat(seen.get(1)).contains("IGNORA LAS INSTRUCCIONES").contains("datos, no instrucciones");
      assertThat(a.toolCalls()).filteredOn(t -> t.tool().equals("run_sql")).extracting(ToolCallTrace::error)
          .containsExactly(null, "sql_rejected:not_select", "sql_rejected:not_select", "sql_rejected:multiple_statements");
      assertThat(a.sql()).containsExactly("SELECT central, nota FROM serving.notas_centrales LIMIT 200");
      assertThat(count("serving.potenciainstalada")).isEqualTo(282L);
      assertThat(count("serving.notas_centrales")).isEqualTo(2L);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void should_answer_extractively_with_notice_when_model_endpoint_is_down() {
    Map<String, String> env = Map.of("OPENAI_BASE_URL", "http://127.0.0.1:9/v1", "DATAGENT_LLM_MODEL", "m",
        "DATAGENT_LLM_MAX_RETRIES", "0", "DATAGENT_SQL_TIMEOUT_SECONDS", "120");

    AgentAnswer a = LocalAgents.create(rt, env, new NoIndexRetriever()).answer(AgentRequest.of(ABRO), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo("extractive");
    assertThat(a.notice()).contains("El modelo de lenguaje no está disponible");
    assertThat(a.answer()).contains("potencia_instalada_mw = 25.000");
  }

  static String toolCall(ObjectMapper json, String name, String args) {
    ObjectNode msg = json.createObjectNode().put("role", "assistant");
    msg.putNull("content");
    msg.putArray("tool_calls").addObject().put("id", "call_" + name + args.length()).put("type", "function")
        .putObject("function").put("name", name).put("arguments", args);
    return completion(json, msg, "tool_calls");
  }

  static String text(ObjectMapper json, String content) {
    return completion(json, json.createObjectNode().put("role", "assistant").put("content", content), "stop");
  }

  static String completion(ObjectMapper json, ObjectNode message, String finish) {
    ObjectNode root = json.createObjectNode().put("id", "c").put("object", "chat.completion").put("created", 1).put("model", "m");
    root.putArray("choices").addObject().put("index", 0).put("finish_reason", finish).set("message", message);
    return root.toString();
  }
}
