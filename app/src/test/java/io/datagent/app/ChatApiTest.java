package io.datagent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static TestAgent agent;
  static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    agent = new TestAgent();
    app = new TestApp(agent, TestData.catalog(), new TestData.InstantIngestion(), false, 1_000_000);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonNode json(HttpResponse<String> res) throws Exception {
    return JSON.readTree(res.body());
  }

  @Test
  void should_answer_with_sql_table_and_sources_and_record_the_trace_when_asked() throws Exception {
    // when
    HttpResponse<String> res = app.as("ana@example.com").postJson("/api/ask", "{\"question\":\"¿Qué región tiene más potencia?\"}");
    // then
    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode a = json(res);
    assertThat(a.path("answer").asText()).contains("Comahue");
    assertThat(a.path("sql").get(0).asText()).startsWith("SELECT region");
    assertThat(a.path("result").path("rows")).hasSize(2);
    assertThat(a.path("sources").get(0).path("sourceFile").asText()).isEqualTo("PotenciaInstalada.csv");
    try (Connection c = app.dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT user_email, question, mode, sql->>0, jsonb_array_length(tool_calls), "
            + "jsonb_array_length(sources), latency_ms FROM app.traces WHERE id = '" + a.path("traceId").asText() + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ana@example.com");
      assertThat(rs.getString(2)).isEqualTo("¿Qué región tiene más potencia?");
      assertThat(rs.getString(3)).isEqualTo("extractive");
      assertThat(rs.getString(4)).startsWith("SELECT region");
      assertThat(rs.getInt(5)).isEqualTo(1);
      assertThat(rs.getInt(6)).isEqualTo(1);
      assertThat(rs.getInt(7)).isEqualTo(7);
    }
  }

  @Test
  void should_keep_in_the_history_the_same_answer_the_api_returned() throws Exception {
    // when
    HttpResponse<String> res = app.as("rosa@example.com").postJson("/api/ask", "{\"question\":\"potencia por región\"}");

    // then
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode answer = json(res);
    JsonNode messages = json(app.get("/api/conversations/" + answer.path("conversationId").asText())).path("messages");
    assertThat(messages.get(1).path("payload")).isEqualTo(answer);
  }

  @Test
  void should_stream_status_tokens_and_the_final_answer_when_asked_on_the_stream() {
    HttpResponse<String> res = app.as("ana@example.com").postJson("/api/ask/stream", "{\"question\":\"potencia por región\"}");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    assertThat(res.body()).contains("event: conversation", "event: status", "event: token\ndata: \"La región \"",
        "event: sql", "event: answer");
    assertThat(res.body().indexOf("event: token")).isLessThan(res.body().indexOf("event: answer"));
  }

  @Test
  void should_send_a_discard_event_before_the_answer_when_the_agent_withdraws_streamed_text() {
    String body = app.as("ana@example.com").postJson("/api/ask/stream", "{\"question\":\"usa una herramienta\"}").body();
    assertThat(body).contains("event: token\ndata: \"Voy a consultar \"", "event: discard", "event: answer");
    assertThat(body.indexOf("Voy a consultar")).isLessThan(body.indexOf("event: discard"));
    assertThat(body.indexOf("event: discard")).isLessThan(body.indexOf("La región "));
  }

  @Test
  void should_give_the_agent_the_history_and_keep_conversations_per_user_when_following_up() throws Exception {
    JsonNode first = json(app.as("luis@example.com").postJson("/api/ask", "{\"question\":\"primera\"}"));
    String conv = first.path("conversationId").asText();
    app.as("luis@example.com").postJson("/api/ask", "{\"question\":\"segunda\",\"conversationId\":\"" + conv + "\"}");
    assertThat(agent.requests.get(agent.requests.size() - 1).history()).extracting(t -> t.role() + ":" + t.text())
        .containsExactly("user:primera", "assistant:La región **Comahue** lidera con 4520,5 MW.");
    JsonNode messages = json(app.get("/api/conversations/" + conv)).path("messages");
    assertThat(messages).hasSize(4);
    assertThat(messages.get(1).path("payload").path("sql").get(0).asText()).startsWith("SELECT");
    // another user sees neither the conversation nor can continue it
    assertThat(app.as("eva@example.com").get("/api/conversations/" + conv).statusCode()).isEqualTo(404);
    assertThat(app.as("eva@example.com").postJson("/api/ask",
        "{\"question\":\"x\",\"conversationId\":\"" + conv + "\"}").statusCode()).isEqualTo(404);
    assertThat(json(app.as("eva@example.com").get("/api/conversations")).toString()).doesNotContain(conv);
  }

  @Test
  void should_keep_at_most_the_configured_conversations_when_a_user_starts_many() throws Exception {
    for (int i = 0; i < 7; i++) {
      app.as("muchas@example.com").postJson("/api/ask", "{\"question\":\"pregunta " + i + "\"}");
    }
    assertThat(json(app.as("muchas@example.com").get("/api/conversations"))).hasSize(5);
  }

  @Test
  void should_record_every_answer_when_one_user_asks_many_new_questions_at_once() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    TestApp as = app.as("prisa@example.com");
    java.util.List<java.util.concurrent.Future<JsonNode>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      answers.add(pool.submit(() -> json(as.postJson("/api/ask", "{\"question\":\"concurrente " + n + "\"}"))));
    }
    for (var f : answers) {
      assertThat(f.get().path("stored").asBoolean()).isTrue();
    }
    pool.shutdown();
    assertThat(json(as.get("/api/conversations"))).hasSize(5);
  }

  @Test
  void should_store_thumbs_up_as_5_and_replace_it_when_rated_again() throws Exception {
    String trace = json(app.as("ana@example.com").postJson("/api/ask", "{\"question\":\"valorar\"}")).path("traceId").asText();
    assertThat(app.postJson("/api/feedback", "{\"traceId\":\"" + trace + "\",\"rating\":\"up\"}").statusCode()).isEqualTo(200);
    assertThat(app.postJson("/api/feedback", "{\"traceId\":\"" + trace + "\",\"rating\":\"down\",\"comment\":\"faltan datos\"}")
        .statusCode()).isEqualTo(200);
    try (Connection c = app.dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT rating, comment, user_email FROM app.feedback WHERE trace_id = '" + trace + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getString(2)).isEqualTo("faltan datos");
      assertThat(rs.getString(3)).isEqualTo("ana@example.com");
      assertThat(rs.next()).isFalse();
    }
    // someone else cannot rate it
    assertThat(app.as("eva@example.com").postJson("/api/feedback", "{\"traceId\":\"" + trace + "\",\"rating\":5}")
        .statusCode()).isEqualTo(404);
  }

  @Test
  void should_answer_with_a_degraded_answer_not_a_500_when_the_agent_fails() throws Exception {
    HttpResponse<String> res = app.as("ana@example.com").postJson("/api/ask", "{\"question\":\"esto explota\"}");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(json(res).path("mode").asText()).isEqualTo("refused");
    assertThat(json(res).path("error").asText()).isNotBlank();
  }
}
