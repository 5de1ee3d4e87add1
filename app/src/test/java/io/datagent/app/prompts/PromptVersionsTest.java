package io.datagent.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.agent.prompt.PromptSource;
import io.datagent.agent.prompt.registry.AliasChange;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptRegistryException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Promotion, rollback, audit and the served prompt, on the App's PostgreSQL with a clock the test moves. */
class PromptVersionsTest {

  static final String NAME = "datagent_system_prompt";

  final TestClock clock = new TestClock();
  final DataSource db = PostgresPromptRegistryTest.migrated();
  final PromptRegistry registry = new PostgresPromptRegistry(db, clock);
  final AgentPrompts prompts = new AgentPrompts(registry, db,
      new AgentPrompts.Config(AgentPrompts.Config.POSTGRES, NAME, Duration.ofSeconds(30)), clock);

  @Test
  void should_serve_the_seeded_bundled_prompt_as_version_one_when_the_registry_is_empty() {
    PromptSource.Served served = prompts.source().current();

    assertThat(served.version()).isEqualTo(1);
    assertThat(served.text()).contains("instrucciones del sistema, versión 1");
    assertThat(new PromptAliasLog(db).history(NAME, null, 10)).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo("seed"));
  }

  @Test
  void should_serve_a_promoted_version_within_the_refresh_interval_and_not_before() {
    prompts.source().current();
    int v2 = registry.register(NAME, "Instrucciones v2", "ana@empresa.es", "más breve");

    prompts.versions().promote(v2, PromptRegistry.PRODUCTION, "ana@empresa.es");
    clock.advance(Duration.ofSeconds(10));
    PromptSource.Served early = prompts.source().current();
    clock.advance(Duration.ofSeconds(21));
    PromptSource.Served late = prompts.source().current();

    assertThat(early.version()).isEqualTo(1);
    assertThat(late.version()).isEqualTo(2);
    assertThat(late.text()).isEqualTo("Instrucciones v2");
  }

  @Test
  void should_roll_back_to_the_version_served_before_and_record_who_did_it() {
    prompts.source().current();
    int v2 = registry.register(NAME, "Instrucciones v2", "ana@empresa.es", "b");
    int v3 = registry.register(NAME, "Instrucciones v3", "ana@empresa.es", "c");
    prompts.versions().promote(v3, PromptRegistry.PRODUCTION, "ana@empresa.es");
    prompts.versions().promote(v2, PromptRegistry.CANDIDATE, "ana@empresa.es");

    AliasChange back = prompts.versions().rollback("luis@empresa.es");

    assertThat(back.from()).isEqualTo(3);
    assertThat(back.to()).isEqualTo(1);
    PromptVersions.Listing listing = prompts.versions().list();
    assertThat(listing.production()).isEqualTo(1);
    assertThat(listing.candidate()).isEqualTo(2);
    assertThat(listing.changes().get(0)).satisfies(e -> {
      assertThat(e.kind()).isEqualTo("rollback");
      assertThat(e.change().by()).isEqualTo("luis@empresa.es");
      assertThat(e.change().from()).isEqualTo(3);
      assertThat(e.change().to()).isEqualTo(1);
    });
    assertThatThrownBy(() -> prompts.versions().rollback("luis@empresa.es")).isInstanceOf(PromptRegistryException.class)
        .hasMessageContaining("No hay una versión anterior");
  }

  @Test
  void should_list_hash_prefix_author_score_and_who_promoted_each_version() {
    prompts.source().current(); // the App started: the bundled prompt is version 1
    int v2 = registry.register(NAME, "Instrucciones v2", "ana@empresa.es", "más breve");
    prompts.versions().promote(v2, PromptRegistry.PRODUCTION, "luis@empresa.es");
    new PromptScores(db).record(NAME, v2, 0.82, "run-1");

    PromptVersions.Listing listing = prompts.versions().list();

    assertThat(listing.versions()).extracting(PromptVersions.View::version).containsExactly(2, 1);
    PromptVersions.View two = listing.versions().get(0);
    assertThat(two.hash()).hasSize(12).isEqualTo(registry.version(NAME, 2).orElseThrow().sha256().substring(0, 12));
    assertThat(two.author()).isEqualTo("ana@empresa.es");
    assertThat(two.score()).isEqualTo(0.82);
    assertThat(two.promotedBy()).isEqualTo("luis@empresa.es");
    assertThat(listing.versions().get(1).score()).isNull();
    assertThat(listing.rollbackTo()).isEqualTo(1);
  }

  @Test
  void should_refuse_an_unknown_alias_and_a_missing_version_without_recording_anything() {
    prompts.source().current();
    int before = new PromptAliasLog(db).history(NAME, null, 100).size();

    assertThatThrownBy(() -> prompts.versions().promote(1, "staging", "ana@empresa.es"))
        .hasMessageContaining("Alias desconocido");
    assertThatThrownBy(() -> prompts.versions().promote(9, PromptRegistry.PRODUCTION, "ana@empresa.es"))
        .hasMessageContaining("No existe la versión 9");

    assertThat(new PromptAliasLog(db).history(NAME, null, 100)).hasSize(before);
  }

  @Test
  void should_keep_serving_the_last_version_when_the_registry_fails() {
    try (LoopbackMlflowPrompts mlflow = new LoopbackMlflowPrompts()) {
      PromptRegistry remote = new MlflowPromptRegistry(new MlflowPromptApi(mlflow.client(new java.util.ArrayList<>())), clock);
      AgentPrompts served = new AgentPrompts(remote, db,
          new AgentPrompts.Config(AgentPrompts.Config.MLFLOW, "main.serving.p", Duration.ofSeconds(30)), clock);
      PromptSource.Served first = served.source().current();
      mlflow.fail("GET", "/by-alias/", 500, "INTERNAL_ERROR", 1000);

      clock.advance(Duration.ofMinutes(2));
      PromptSource.Served after = served.source().current();

      assertThat(first.version()).isEqualTo(1);
      assertThat(after).isEqualTo(first);
      assertThat(mlflow.requests("GET", "/by-alias/production")).hasSizeGreaterThan(1);
    }
  }

  @Test
  void should_keep_answering_with_the_served_version_while_a_slow_registry_is_read() throws Exception {
    try (LoopbackMlflowPrompts mlflow = new LoopbackMlflowPrompts()) {
      PromptRegistry remote = new MlflowPromptRegistry(new MlflowPromptApi(mlflow.client(new java.util.ArrayList<>())), clock);
      PromptSource source = new AgentPrompts(remote, db,
          new AgentPrompts.Config(AgentPrompts.Config.MLFLOW, "main.serving.p", Duration.ofSeconds(30)), clock).source();
      PromptSource.Served first = source.current();
      mlflow.slow("GET", "/by-alias/", 3000);
      clock.advance(Duration.ofSeconds(31));

      java.util.concurrent.CompletableFuture<PromptSource.Served> reader =
          java.util.concurrent.CompletableFuture.supplyAsync(source::current);
      Thread.sleep(500); // the reader is waiting on the registry now
      long t0 = System.nanoTime();
      PromptSource.Served meanwhile = source.current();
      long millis = (System.nanoTime() - t0) / 1_000_000;

      assertThat(meanwhile).isEqualTo(first);
      assertThat(millis).isLessThan(500);
      assertThat(reader.get(20, java.util.concurrent.TimeUnit.SECONDS).version()).isEqualTo(1);
    }
  }

  @Test
  void should_serve_the_bundled_file_without_a_version_when_the_registry_was_never_reachable() {
    LoopbackMlflowPrompts gone = new LoopbackMlflowPrompts();
    String host = gone.host();
    gone.close();
    PromptRegistry remote = new MlflowPromptRegistry(
        new MlflowPromptApi(LoopbackMlflowPrompts.client(host, new java.util.ArrayList<>())), clock);

    PromptSource.Served served = new AgentPrompts(remote, db,
        new AgentPrompts.Config(AgentPrompts.Config.MLFLOW, "main.serving.p", Duration.ofSeconds(30)), clock).source().current();

    assertThat(served.version()).isNull();
    assertThat(served.text()).contains("instrucciones del sistema, versión 1");
  }

  @Test
  void should_read_the_registry_settings_from_the_environment() {
    AgentPrompts.Config c = AgentPrompts.Config.fromEnv(Map.of("DATAGENT_PROMPT_REGISTRY", "mlflow"), "main", "serving");

    assertThat(c.name()).isEqualTo("main.serving.datagent_system_prompt");
    assertThat(c.refresh()).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> AgentPrompts.Config.fromEnv(Map.of("DATAGENT_PROMPT_REFRESH_SECONDS", "600"), "m", "s"))
        .hasMessageContaining("menos de un minuto");
  }
}
