package io.datagent.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.Fixtures;
import io.datagent.agent.prompt.PromptSource;
import io.datagent.retrieval.Retriever;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LLM agent answers with the instructions its prompt source serves now, and reports their registry version. */
class LlmAgentPromptVersionTest {

  ScriptedChatServer server;
  final Retriever retriever = Fixtures.retriever(Fixtures.row("potenciainstalada", "PotenciaInstalada.csv", 2,
      "periodo: 2016-05-01 | central: ABRO | potencia_instalada_mw: 25.000"));
  /** What a registry alias serves; the test moves it as a promotion would. */
  final AtomicReference<PromptSource.Served> production =
      new AtomicReference<>(new PromptSource.Served("Instrucciones de la versión 7.", "p@production=v7", 7));

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Agent agent() {
    AgentConfig config = AgentConfig.defaults()
        .withLlm(LlmConfig.openAi(server.baseUrl(), "test-key", "test-model").withTimeout(Duration.ofSeconds(10), 0));
    return AgentFactory.create(config, retriever, Fixtures.catalog(Fixtures.POTENCIA), Fixtures.RecordingExecutor.by(
        sql -> Fixtures.abroRow()), production::get, io.datagent.agent.semantic.SemanticModelSource.NONE);
  }

  @Test
  void should_answer_with_the_served_instructions_and_report_their_version() {
    server.text("Respuesta.").text("Otra respuesta.");
    Agent agent = agent();

    AgentAnswer first = agent.answer(AgentRequest.of("¿Potencia de ABRO?"), AnswerListener.NONE);
    production.set(new PromptSource.Served("Instrucciones de la versión 8.", "p@production=v8", 8));
    AgentAnswer second = agent.answer(AgentRequest.of("¿Potencia de ABRO?"), AnswerListener.NONE);

    assertThat(first.promptVersion()).isEqualTo(7);
    assertThat(second.promptVersion()).isEqualTo(8);
    assertThat(server.received.get(0).body().path("messages").get(0).path("content").asText())
        .startsWith("Instrucciones de la versión 7.");
    assertThat(server.received.get(1).body().path("messages").get(0).path("content").asText())
        .startsWith("Instrucciones de la versión 8.");
  }

  @Test
  void should_report_no_version_when_the_model_fails_and_the_answer_is_extractive() {
    server.reply(500, "{\"error\":{\"message\":\"caído\"}}", 0);

    AgentAnswer a = agent().answer(AgentRequest.of("¿Potencia de ABRO?"), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo(AgentAnswer.EXTRACTIVE);
    assertThat(a.promptVersion()).isNull();
  }
}
