package io.datagent.jobmonitor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.chat.DisabledChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.datagent.jobmonitor.Configs;
import io.datagent.jobmonitor.config.Classifiers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LLM stage with LangChain4j's OpenAI-compatible model (what a Databricks serving endpoint speaks) against a
 * loopback chat-completions server that answers what each test scripts.
 */
class LlmStageTest {

  private HttpServer server;
  private final AtomicReference<String> reply = new AtomicReference<>();
  private final AtomicReference<String> lastRequest = new AtomicReference<>();
  private TriageClassifier classifier;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      lastRequest.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String content = com.fasterxml.jackson.databind.node.TextNode.valueOf(reply.get()).toString();
      byte[] b = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":" + content + "},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    OpenAiChatModel model = OpenAiChatModel.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/serving-endpoints")
        .apiKey("tok").modelName("databricks-meta-llama").build();
    classifier = Classifiers.create(Configs.shipped(), ErrorCatalog.load(), model);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void should_use_the_validated_answer_with_capped_confidence_when_the_rules_are_silent() {
    reply.set("```json\n{\"category\": \"data\", \"root_cause\": \"El proveedor cambió el formato del archivo.\", "
        + "\"recommendation\": \"Pida el archivo con el formato anterior.\", \"suggested_parameters\": {}, "
        + "\"severity\": \"medium\", \"confidence\": 0.95}\n```");
    Classification c = classifier.classify(Failure.ofText("El proveedor X devolvió un lote con 0 columnas útiles"));
    assertThat(c.category()).isEqualTo(Category.DATA);
    assertThat(c.stage()).isEqualTo(Evidence.LLM);
    assertThat(c.confidence()).isEqualTo(0.75);
    assertThat(c.rootCause()).contains("formato");
    assertThat(c.recommendation()).contains("archivo");
    assertThat(lastRequest.get()).contains("proveedor X").contains("category");
  }

  @Test
  void should_not_ask_the_model_when_a_rule_is_confident() {
    reply.set("{\"category\": \"code\", \"root_cause\": \"x\", \"severity\": \"low\"}");
    Classification c = classifier.classify(Failure.ofText("java.lang.OutOfMemoryError: Java heap space"));
    assertThat(c.category()).isEqualTo(Category.RESOURCE);
    assertThat(lastRequest.get()).isNull();
  }

  @Test
  void should_fall_back_to_unknown_with_the_reason_when_the_answer_is_invalid() {
    reply.set("{\"category\": \"hardware\", \"root_cause\": \"se rompió\"}");
    Classification c = classifier.classify(Failure.ofText("fallo sin reglas"));
    assertThat(c.category()).isEqualTo(Category.UNKNOWN);
    assertThat(c.evidence()).anySatisfy(e -> {
      assertThat(e.ref()).isEqualTo("descartada");
      assertThat(e.detail()).contains("hardware");
    });
  }

  @Test
  void should_say_the_model_is_unavailable_when_it_does_not_answer() {
    // a configured endpoint that refuses connections: the stage runs, fails, and says so
    OpenAiChatModel unreachable = OpenAiChatModel.builder().baseUrl("http://127.0.0.1:9/v1").apiKey("k").modelName("m")
        .maxRetries(0).timeout(java.time.Duration.ofSeconds(2)).build();
    TriageClassifier down = Classifiers.create(Configs.shipped(), ErrorCatalog.load(), unreachable);
    Classification c = down.classify(Failure.ofText("fallo sin reglas"));
    assertThat(c.category()).isEqualTo(Category.UNKNOWN);
    assertThat(c.evidence()).anySatisfy(e -> assertThat(e.ref()).isEqualTo("no-disponible"));
  }

  @Test
  void should_classify_with_the_rules_alone_and_no_model_evidence_when_the_stage_is_disabled() {
    TriageClassifier disabled = Classifiers.create(Configs.shipped(), ErrorCatalog.load(), new DisabledChatModel());
    Classification c = disabled.classify(Failure.ofText("fallo sin reglas"));
    assertThat(c.category()).isEqualTo(Category.UNKNOWN);
    assertThat(c.evidence()).noneSatisfy(e -> assertThat(e.ref()).isEqualTo("no-disponible"));
  }
}
