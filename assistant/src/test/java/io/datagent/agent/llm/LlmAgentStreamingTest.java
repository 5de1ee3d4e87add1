package io.datagent.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.Fixtures;
import io.datagent.agent.Fixtures.RecordingExecutor;
import io.datagent.retrieval.Retriever;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answer streamed token by token, against a loopback server that streams like OpenAI (and breaks like it). */
class LlmAgentStreamingTest {

  static final String QUESTION = "¿Cuál es la potencia instalada de la central ABRO?";
  static final String ANSWER = "La central ABRO tiene 25.000 MW de potencia instalada, según el registro de "
      + "PotenciaInstalada.csv.";
  static final String SQL = "SELECT central, potencia_instalada_mw FROM serving.potenciainstalada WHERE central = 'ABRO'";

  ScriptedChatServer server;
  RecordingExecutor executor = RecordingExecutor.by(sql -> Fixtures.abroRow());
  Retriever retriever = Fixtures.retriever(Fixtures.row("potenciainstalada", "PotenciaInstalada.csv", 2,
      "periodo: 2016-05-01 | central: ABRO | potencia_instalada_mw: 25.000"));
  Recorder listener = new Recorder();

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Agent agent(LlmConfig llm) {
    return AgentFactory.create(AgentConfig.defaults().withLlm(llm), retriever, Fixtures.catalog(Fixtures.POTENCIA), executor);
  }

  Agent agent(int retries) {
    return agent(LlmConfig.openAi(server.baseUrl(), "test-key", "test-model").withTimeout(Duration.ofSeconds(10), retries));
  }

  AgentAnswer ask(Agent agent) {
    return agent.answer(AgentRequest.of(QUESTION), listener);
  }

  /** What the listener heard: tokens, "discarded" marks, and the threads the tokens came on. */
  static final class Recorder implements AnswerListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    @Override
    public void onToken(String t) {
      threads.add(Thread.currentThread());
      events.add("token:" + t);
    }

    @Override
    public void onTokensDiscarded() {
      events.add("discarded");
    }

    List<String> tokens() {
      return events.stream().filter(e -> e.startsWith("token:")).map(e -> e.substring(6)).toList();
    }

    /** The tokens since the last "discarded": what a page shows in the end. */
    List<String> shown() {
      List<String> out = new ArrayList<>();
      for (String e : events) {
        if (e.equals("discarded")) {
          out.clear();
        } else {
          out.add(e.substring(6));
        }
      }
      return out;
    }

    long discards() {
      return events.stream().filter("discarded"::equals).count();
    }
  }

  @Test
  void should_send_several_tokens_in_order_whose_concatenation_is_the_final_answer_when_model_streams() {
    server.toolCall("run_sql", "{\"sql\":\"" + SQL + "\"}").text(ANSWER);

    AgentAnswer a = ask(agent(0));

    assertThat(a.mode()).isEqualTo("llm");
    assertThat(a.notice()).isNull();
    assertThat(listener.discards()).isZero();
    assertThat(listener.tokens().size()).isGreaterThan(10);
    assertThat(String.join("", listener.tokens())).isEqualTo(a.answer());
    assertThat(a.answer()).startsWith(ANSWER).contains("SQL utilizada:");
    // the model's words first, one by one as they came, then the footer the agent adds
    assertThat(listener.tokens().subList(0, 4)).containsExactly("La", " central", " ABRO", " tiene");
    assertThat(listener.tokens().get(listener.tokens().size() - 1)).startsWith("\n\nSQL utilizada:");
    assertThat(listener.threads).containsExactly(Thread.currentThread());
    assertThat(server.received).allMatch(r -> r.body().path("stream").asBoolean());
    assertThat(a.promptTokens()).isEqualTo(200);
    assertThat(a.completionTokens()).isEqualTo(40);
  }

  @Test
  void should_run_tool_when_its_call_is_streamed_in_pieces() {
    String args = "{\"sql\":\"" + SQL + "\"}";
    server.toolCall("run_sql", args).text("ABRO: 25.000 MW.");

    AgentAnswer a = ask(agent(0));

    assertThat(a.mode()).isEqualTo("llm");
    assertThat(executor.answering()).singleElement().asString().contains("WHERE central = 'ABRO'");
    assertThat(a.toolCalls()).filteredOn(t -> t.tool().equals("run_sql")).singleElement()
        .satisfies(t -> assertThat(t.error()).isNull());
    JsonNode assistant = server.received.get(1).body().path("messages");
    JsonNode call = assistant.get(assistant.size() - 2).path("tool_calls").get(0);
    assertThat(call.path("function").path("name").asText()).isEqualTo("run_sql");
    assertThat(call.path("function").path("arguments").asText()).isEqualTo(args);
    assertThat(call.path("id").asText()).isEqualTo("call_0");
    assertThat(String.join("", listener.tokens())).isEqualTo(a.answer()).doesNotContain("\"sql\"");
  }

  @Test
  void should_withdraw_streamed_text_when_model_calls_a_tool_after_it() {
    server.textThenToolCall("Voy a consultar la tabla de potencia.", "run_sql", "{\"sql\":\"" + SQL + "\"}")
        .text("ABRO: 25.000 MW.");

    AgentAnswer a = ask(agent(0));

    assertThat(a.mode()).isEqualTo("llm");
    assertThat(executor.answering()).hasSize(1);
    assertThat(listener.events.get(0)).isEqualTo("token:Voy");
    assertThat(listener.discards()).isEqualTo(1);
    assertThat(String.join("", listener.shown())).isEqualTo(a.answer()).startsWith("ABRO: 25.000 MW.");
  }

  @Test
  void should_answer_extractively_with_notice_and_withdraw_half_answer_when_stream_is_cut_midway() {
    server.textCutAfter(ANSWER, 4).text("no debe pedirse");

    AgentAnswer a = ask(agent(2));

    assertThat(a.mode()).isEqualTo("extractive");
    assertThat(a.notice()).contains("no está disponible").contains("se cortó");
    assertThat(listener.events.subList(0, 4)).containsExactly("token:La", "token: central", "token: ABRO", "token: tiene");
    assertThat(listener.discards()).isEqualTo(1);
    assertThat(String.join("", listener.shown())).isEqualTo(a.answer()).doesNotContain("La central ABRO tiene")
        .startsWith("**Respuesta extractiva (sin modelo de lenguaje):**");
    assertThat(server.received).hasSize(1); // text was shown: not sent again
  }

  @Test
  void should_answer_extractively_with_notice_when_stream_has_a_malformed_chunk() {
    server.textWithMalformedChunkAfter(ANSWER, 3);

    AgentAnswer a = ask(agent(0));

    assertThat(a.mode()).isEqualTo("extractive");
    assertThat(a.notice()).contains("mal formada");
    assertThat(listener.discards()).isEqualTo(1);
    assertThat(String.join("", listener.shown())).isEqualTo(a.answer()).doesNotContain("La central ABRO tiene");
  }

  @Test
  void should_answer_extractively_with_notice_when_stream_ends_before_model_finished() {
    server.textEndingAfter(ANSWER, 5);

    AgentAnswer a = ask(agent(0));

    assertThat(a.mode()).isEqualTo("extractive");
    assertThat(a.notice()).contains("se cortó");
    assertThat(String.join("", listener.shown())).isEqualTo(a.answer()).doesNotContain("La central ABRO tiene");
  }

  @Test
  void should_answer_extractively_with_notice_when_stream_stalls_midway() {
    server.textStallingAfter(ANSWER, 3, 5000);
    Agent agent = agent(LlmConfig.openAi(server.baseUrl(), "k", "m").withTimeout(Duration.ofSeconds(1), 0));
    long t0 = System.nanoTime();

    AgentAnswer a = agent.answer(AgentRequest.of(QUESTION), listener);

    // the idle timeout of the stream ends it (the agent's own wait would give up only after 3 s)
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2500);
    assertThat(a.mode()).isEqualTo("extractive");
    assertThat(a.notice()).contains("tardó demasiado");
    assertThat(listener.discards()).isEqualTo(1);
    assertThat(String.join("", listener.shown())).isEqualTo(a.answer());
  }

  @Test
  void should_retry_when_model_answers_429_before_the_stream_starts() {
    server.reply(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit\"}}", 0).text(ANSWER);

    AgentAnswer a = ask(agent(1));

    assertThat(a.mode()).isEqualTo("llm");
    assertThat(server.received).hasSize(2);
    assertThat(listener.discards()).isZero();
    assertThat(String.join("", listener.tokens())).isEqualTo(a.answer()).startsWith(ANSWER);
  }

  @Test
  void should_retry_when_stream_breaks_before_any_text_was_shown() {
    server.textEndingAfter(ANSWER, 0).text(ANSWER);

    AgentAnswer a = ask(agent(1));

    assertThat(a.mode()).isEqualTo("llm");
    assertThat(server.received).hasSize(2);
    assertThat(String.join("", listener.tokens())).isEqualTo(a.answer());
  }

  @Test
  void should_answer_extractively_with_429_notice_when_retries_are_exhausted() {
    String limit = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit\"}}";
    server.reply(429, limit, 0).reply(429, limit, 0);

    AgentAnswer a = ask(agent(1));

    assertThat(a.mode()).isEqualTo("extractive");
    assertThat(a.notice()).contains("429");
    assertThat(server.received).hasSize(2);
  }

  @Test
  void should_answer_in_one_piece_when_server_ignores_stream_and_replies_with_json() {
    server.jsonText(ANSWER);

    AgentAnswer a = ask(agent(0));

    assertThat(a.mode()).isEqualTo("llm");
    assertThat(a.answer()).startsWith(ANSWER);
    assertThat(String.join("", listener.tokens())).isEqualTo(a.answer());
    assertThat(a.promptTokens()).isEqualTo(100);
  }

  @Test
  void should_run_tool_when_server_ignores_stream_and_replies_with_json_tool_call() {
    server.jsonToolCall("run_sql", "{\"sql\":\"" + SQL + "\"}").jsonText("ABRO: 25.000 MW.");

    AgentAnswer a = ask(agent(0));

    assertThat(a.mode()).isEqualTo("llm");
    assertThat(executor.answering()).singleElement().asString().contains("WHERE central = 'ABRO'");
    assertThat(a.answer()).startsWith("ABRO: 25.000 MW.").contains("SQL utilizada:");
    assertThat(a.promptTokens()).isEqualTo(200);
  }

  @Test
  void should_stream_from_serving_endpoint_with_stream_true_and_no_stream_options_when_databricks_configured() {
    server.toolCall("run_sql", "{\"sql\":\"" + SQL + "\"}").text(ANSWER);
    Platform ws = new Platform(PlatformConfig.pat(server.host(), "dapi-test"));

    AgentAnswer a = agent(LlmConfig.databricks(ws, "chat-endpoint").withTimeout(Duration.ofSeconds(10), 0))
        .answer(AgentRequest.of(QUESTION), listener);

    assertThat(a.mode()).isEqualTo("llm");
    assertThat(executor.answering()).hasSize(1);
    assertThat(server.received).allSatisfy(r -> {
      assertThat(r.path()).isEqualTo("/serving-endpoints/chat-endpoint/invocations");
      assertThat(r.authorization()).isEqualTo("Bearer dapi-test");
      assertThat(r.body().path("stream").asBoolean()).isTrue();
      assertThat(r.body().has("stream_options")).isFalse();
    });
    assertThat(listener.tokens().size()).isGreaterThan(10);
    assertThat(String.join("", listener.tokens())).isEqualTo(a.answer());
    assertThat(a.completionTokens()).isEqualTo(40);
  }
}
