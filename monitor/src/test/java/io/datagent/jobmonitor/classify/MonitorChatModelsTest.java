package io.datagent.jobmonitor.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.datagent.jobmonitor.Configs;
import io.datagent.jobmonitor.config.Classifiers;
import io.datagent.jobmonitor.config.MonitorConfig;
import io.datagent.jobmonitor.triage.TriageStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor's chat model as {@code ./agent triage}, {@code ./agent monitor} and the App build it from the
 * environment, against a loopback OpenAI-compatible chat-completions server (and the same server posing as a
 * Databricks serving endpoint): asked only when the rules are not confident, its JSON validated, bounded in time, and
 * the rules' answer kept when it fails.
 */
class MonitorChatModelsTest {

  private HttpServer server;
  private final AtomicReference<String> reply = new AtomicReference<>();
  private final AtomicReference<String> lastBody = new AtomicReference<>();
  private final AtomicReference<String> lastPath = new AtomicReference<>();
  private final AtomicReference<String> lastAuth = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicInteger delayMs = new AtomicInteger(0);
  private final AtomicInteger calls = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/", ex -> {
      calls.incrementAndGet();
      lastPath.set(ex.getRequestURI().getPath());
      lastAuth.set(ex.getRequestHeaders().getFirst("Authorization"));
      lastBody.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      try {
        Thread.sleep(delayMs.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String content = com.fasterxml.jackson.databind.node.TextNode.valueOf(reply.get()).toString();
      byte[] b = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":" + content + "},\"finish_reason\":\"stop\"}]}")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status.get(), b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private TriageStream triage(Map<String, String> env) {
    MonitorConfig cfg = Configs.shipped();
    return new TriageStream(Classifiers.create(cfg, ErrorCatalog.load(), MonitorChatModels.fromEnv(env),
        MonitorChatModels.budget(env)), cfg.policies());
  }

  private Map<String, String> openAi() {
    return Map.of("OPENAI_BASE_URL", base() + "/v1", "DATAGENT_LLM_MODEL", "modelo-local", "OPENAI_API_KEY", "clave");
  }

  @Test
  void should_have_no_model_when_no_chat_model_is_configured() {
    assertThat(MonitorChatModels.fromEnv(Map.of())).isInstanceOf(dev.langchain4j.model.chat.DisabledChatModel.class);
    assertThat(MonitorChatModels.enabled(MonitorChatModels.fromEnv(Map.of("OPENAI_BASE_URL", "http://x",
        "DATAGENT_LLM_MODEL", "m", "DATAGENT_MONITOR_LLM", "false")))).isFalse();
  }

  @Test
  void should_decide_by_the_model_and_say_so_when_the_rules_do_not_recognise_the_failure() {
    // given an OpenAI-compatible server that answers valid JSON
    reply.set("{\"category\": \"network\", \"root_cause\": \"El servicio de tipos de cambio no respondió.\", "
        + "\"recommendation\": \"Reintentar más tarde.\", \"severity\": \"medium\", \"confidence\": 0.9, \"action\": \"RETRY\"}");

    // when a text no rule knows is triaged
    var out = triage(openAi()).classify(Failure.ofText("fxrates: upstream said nope (código 77)"), null, null);

    // then the model decided, the action comes from the policy, and the request went where it should
    assertThat(out.get("category").asText()).isEqualTo("network");
    assertThat(out.get("stage").asText()).isEqualTo(Evidence.LLM);
    assertThat(out.get("action").asText()).isEqualTo("RETRY");
    assertThat(lastPath.get()).isEqualTo("/v1/chat/completions");
    assertThat(lastAuth.get()).isEqualTo("Bearer clave");
    assertThat(lastBody.get()).contains("\"model\":\"modelo-local\"").contains("fxrates");
  }

  @Test
  void should_classify_by_rules_alone_and_call_no_server_when_the_monitor_llm_is_turned_off() {
    // given a configured server, but the stage turned off: the model is a DisabledChatModel
    reply.set("{\"category\": \"network\", \"root_cause\": \"x\"}");
    Map<String, String> env = new java.util.HashMap<>(openAi());
    env.put("DATAGENT_MONITOR_LLM", "false");

    // when a text no rule knows is triaged
    var out = triage(env).classify(Failure.ofText("fxrates: upstream said nope (código 77)"), null, null);

    // then no stage asked the model (a disabled model would have thrown) and no request left
    assertThat(out.get("stage").asText()).isNotEqualTo(Evidence.LLM);
    assertThat(calls.get()).isZero();
  }

  @Test
  void should_name_the_variable_and_print_no_key_when_the_monitor_llm_config_is_read() {
    MonitorLlmConfig c = MonitorLlmConfig.fromEnv(openAi());

    assertThat(c.enabled()).isTrue();
    assertThat(c.toString()).contains("modelo-local").doesNotContain("clave");
    assertThatThrownBy(() -> MonitorLlmConfig.fromEnv(Map.of("DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS", "0")))
        .hasMessageContaining("DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS");
    assertThatThrownBy(() -> MonitorLlmConfig.fromEnv(Map.of("DATAGENT_LLM_ENDPOINT", "chat")))
        .hasMessageContaining("DATABRICKS_HOST");
  }

  @Test
  void should_refuse_a_null_model_naming_the_disabled_alternative_when_a_classifier_is_built() {
    assertThatThrownBy(() -> Classifiers.create(Configs.shipped(), ErrorCatalog.load(), null))
        .hasMessageContaining("DisabledChatModel");
  }

  @Test
  void should_not_ask_the_model_when_a_signal_is_confident() {
    reply.set("{\"category\": \"code\", \"root_cause\": \"x\"}");
    var out = triage(openAi()).classify(Failure.ofText("java.net.UnknownHostException: db.internal"), null, null);
    assertThat(out.get("category").asText()).isEqualTo("network");
    assertThat(calls.get()).isZero();
  }

  @Test
  void should_keep_the_rules_answer_with_the_reason_when_the_model_is_too_slow() {
    // given a model slower than the budget, and a text the signals only half recognise (IllegalArgumentException)
    delayMs.set(3_000);
    reply.set("{\"category\": \"data\", \"root_cause\": \"x\"}");
    Map<String, String> env = new java.util.HashMap<>(openAi());
    env.put("DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS", "1");
    TriageStream t = triage(env);

    // when
    long t0 = System.nanoTime();
    var out = t.classify(Failure.ofText("java.lang.IllegalArgumentException: requirement failed"), null, null);
    long ms = (System.nanoTime() - t0) / 1_000_000;

    // then the rules' (uncertain) answer stands, within the budget, and the evidence says the model ran out of time
    assertThat(ms).isLessThan(2_900);
    assertThat(out.get("category").asText()).isEqualTo("code");
    assertThat(out.get("stage").asText()).isEqualTo(Evidence.SIGNAL);
    assertThat(out.get("evidence").toString()).contains("\"ref\":\"tiempo-agotado\"");
  }

  @Test
  void should_keep_the_rules_answer_when_the_model_fails_or_answers_outside_the_categories() {
    // given a server error, then an answer with an action that does not exist
    status.set(500);
    reply.set("oops");
    var failed = triage(openAi()).classify(Failure.ofText("java.lang.IllegalArgumentException: requirement failed"), null, null);
    status.set(200);
    reply.set("{\"category\": \"network\", \"root_cause\": \"x\", \"action\": \"REBOOT_EVERYTHING\"}");
    var refused = triage(openAi()).classify(Failure.ofText("java.lang.IllegalArgumentException: requirement failed"), null, null);

    // then both keep the rules' answer and record why the model's was not used
    assertThat(failed.get("category").asText()).isEqualTo("code");
    assertThat(failed.get("evidence").toString()).contains("no-disponible").contains("HTTP 500");
    assertThat(refused.get("category").asText()).isEqualTo("code");
    assertThat(refused.get("evidence").toString()).contains("descartada").contains("REBOOT_EVERYTHING");
  }

  @Test
  void should_call_the_serving_endpoint_with_the_workspace_token_when_a_databricks_endpoint_is_configured() {
    reply.set("{\"category\": \"data\", \"root_cause\": \"Formato nuevo del proveedor.\", \"severity\": \"low\"}");
    Map<String, String> env = Map.of("DATAGENT_LLM_ENDPOINT", "databricks-llama", "DATABRICKS_HOST", base(),
        "DATABRICKS_TOKEN", "dapi-prueba");

    var out = triage(env).classify(Failure.ofText("lote 42: el proveedor cambió algo"), null, null);

    assertThat(out.get("category").asText()).isEqualTo("data");
    assertThat(out.get("stage").asText()).isEqualTo(Evidence.LLM);
    assertThat(lastPath.get()).isEqualTo("/serving-endpoints/databricks-llama/invocations");
    assertThat(lastAuth.get()).isEqualTo("Bearer dapi-prueba");
  }

  @Test
  void should_bound_the_stage_by_the_configured_timeout_when_reading_the_environment() {
    assertThat(MonitorChatModels.budget(Map.of())).isEqualTo(MonitorChatModels.DEFAULT_TIMEOUT.plusSeconds(1));
    assertThat(MonitorChatModels.budget(Map.of("DATAGENT_MONITOR_LLM_TIMEOUT_SECONDS", "5"))).isEqualTo(Duration.ofSeconds(6));
  }
}
