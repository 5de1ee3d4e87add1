package io.datagent.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.core.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptRegistryException;
import io.datagent.agent.prompt.registry.PromptVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry contract on MLflow's Prompt Registry in Unity Catalog, spoken over HTTP to a loopback server with the
 * real REST shapes; plus what only a remote registry does: throttling, server errors, paging.
 */
class MlflowPromptRegistryTest extends PromptRegistryContract {

  private final List<LoopbackMlflowPrompts> servers = new ArrayList<>();
  private final List<Long> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();
  private LoopbackMlflowPrompts last;

  ApiClient client(String host) {
    return LoopbackMlflowPrompts.client(host, sleeps);
  }

  @Override
  PromptRegistry registry() {
    last = new LoopbackMlflowPrompts();
    servers.add(last);
    return new MlflowPromptRegistry(new MlflowPromptApi(client(last.host())), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    servers.forEach(LoopbackMlflowPrompts::close);
  }

  @Test
  void should_send_the_template_json_encoded_with_author_and_hash_tags_when_registering() throws Exception {
    PromptRegistry r = registry();

    r.register(NAME, "Responde en español.", "ana@empresa.es", "primera versión");

    assertThat(last.requests("POST", "/api/2.0/mlflow/unity-catalog/prompts")).first()
        .satisfies(req -> assertThat(req.path()).isEqualTo("/api/2.0/mlflow/unity-catalog/prompts"));
    JsonNode body = new ObjectMapper().readTree(last.requests("POST", "/" + NAME + "/versions").stream()
        .filter(q -> q.path().endsWith("/versions")).findFirst().orElseThrow().text());
    assertThat(body.path("name").asText()).isEqualTo(NAME);
    assertThat(body.path("prompt_version").path("template").asText()).isEqualTo("\"Responde en español.\"");
    assertThat(body.path("prompt_version").path("description").asText()).isEqualTo("primera versión");
    java.util.Map<String, String> tags = new java.util.HashMap<>();
    body.path("prompt_version").path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
    assertThat(tags).containsEntry("datagent.author", "ana@empresa.es")
        .containsEntry("datagent.content_sha256", PromptVersion.sha256("Responde en español."));
    assertThat(last.server.received).filteredOn(q -> q.path().startsWith("/api/2.0/mlflow/")).isNotEmpty()
        .allSatisfy(q -> assertThat(q.authorization()).isEqualTo("Bearer dapi-test"));
  }

  @Test
  void should_fail_clearly_and_leave_the_alias_when_mlflow_answers_500() {
    PromptRegistry r = registry();
    r.register(NAME, "A", "ana@empresa.es", "a");
    r.register(NAME, "B", "ana@empresa.es", "b");
    r.setAlias(NAME, PromptRegistry.PRODUCTION, 1, "ana@empresa.es");
    last.fail("POST", "/aliases/production", 500, "INTERNAL_ERROR", 100);

    assertThatThrownBy(() -> r.setAlias(NAME, PromptRegistry.PRODUCTION, 2, "ana@empresa.es"))
        .isInstanceOf(PromptRegistryException.class)
        .hasMessageContaining("El registro de prompts de MLflow falló").hasMessageContaining("500 INTERNAL_ERROR")
        .hasMessageContaining("No se cambió nada")
        .satisfies(e -> assertThat(((PromptRegistryException) e).status()).isEqualTo(502));

    assertThat(r.byAlias(NAME, PromptRegistry.PRODUCTION)).map(PromptVersion::version).contains(1);
  }

  @Test
  void should_fail_clearly_after_backing_off_when_mlflow_keeps_answering_429() {
    PromptRegistry r = registry();
    r.register(NAME, "A", "ana@empresa.es", "a");
    r.register(NAME, "B", "ana@empresa.es", "b");
    r.setAlias(NAME, PromptRegistry.PRODUCTION, 1, "ana@empresa.es");
    last.fail("POST", "/aliases/production", 429, "REQUEST_LIMIT_EXCEEDED", 100);

    assertThatThrownBy(() -> r.setAlias(NAME, PromptRegistry.PRODUCTION, 2, "ana@empresa.es"))
        .isInstanceOf(PromptRegistryException.class)
        .hasMessageContaining("exceso de solicitudes").hasMessageContaining("429 REQUEST_LIMIT_EXCEEDED")
        .hasMessageContaining("no se cambió nada");

    assertThat(last.requests("POST", "/aliases/production")).hasSizeGreaterThan(2);
    assertThat(sleeps).isNotEmpty();
    last.healed();
    assertThat(r.byAlias(NAME, PromptRegistry.PRODUCTION)).map(PromptVersion::version).contains(1);
  }

  @Test
  void should_move_the_alias_when_a_429_passes_before_the_retries_run_out() {
    PromptRegistry r = registry();
    r.register(NAME, "A", "ana@empresa.es", "a");
    r.register(NAME, "B", "ana@empresa.es", "b");
    last.fail("POST", "/aliases/production", 429, "REQUEST_LIMIT_EXCEEDED", 1);

    r.setAlias(NAME, PromptRegistry.PRODUCTION, 2, "ana@empresa.es");

    assertThat(r.byAlias(NAME, PromptRegistry.PRODUCTION)).map(PromptVersion::version).contains(2);
  }

  @Test
  void should_register_nothing_when_mlflow_fails_while_creating_the_version() {
    PromptRegistry r = registry();
    r.register(NAME, "A", "ana@empresa.es", "a");
    last.fail("POST", NAME + "/versions", 503, "TEMPORARILY_UNAVAILABLE", 100);

    assertThatThrownBy(() -> r.register(NAME, "B", "ana@empresa.es", "b")).isInstanceOf(PromptRegistryException.class)
        .hasMessageContaining("503");

    last.healed();
    assertThat(r.versions(NAME)).extracting(PromptVersion::version).containsExactly(1);
  }

  @Test
  void should_say_the_registry_cannot_be_reached_when_nothing_listens() {
    LoopbackMlflowPrompts gone = new LoopbackMlflowPrompts();
    String host = gone.host();
    gone.close();
    PromptRegistry r = new MlflowPromptRegistry(new MlflowPromptApi(client(host)), Clock.systemUTC());

    assertThatThrownBy(() -> r.byAlias(NAME, PromptRegistry.PRODUCTION)).isInstanceOf(PromptRegistryException.class)
        .hasMessageContaining("MLflow");
  }
}
