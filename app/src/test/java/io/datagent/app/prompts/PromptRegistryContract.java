package io.datagent.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.agent.prompt.SystemPrompt;
import io.datagent.agent.prompt.registry.AliasAudit;
import io.datagent.agent.prompt.registry.AliasChange;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptRegistryException;
import io.datagent.agent.prompt.registry.PromptSeed;
import io.datagent.agent.prompt.registry.PromptVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link PromptRegistry} side must do; each side's test extends this with a fresh, empty registry. */
abstract class PromptRegistryContract {

  static final String NAME = "main.datagent.system_prompt";

  /** A fresh, empty registry. */
  abstract PromptRegistry registry();

  @Test
  void should_number_versions_from_one_when_registering_new_texts() {
    PromptRegistry r = registry();

    assertThat(r.register(NAME, "Instrucciones A", "ana@empresa.es", "primera")).isEqualTo(1);
    assertThat(r.register(NAME, "Instrucciones B", "luis@empresa.es", "segunda")).isEqualTo(2);
  }

  @Test
  void should_return_the_existing_version_when_the_same_content_is_registered_again() {
    PromptRegistry r = registry();
    r.register(NAME, "Instrucciones A", "ana@empresa.es", "primera");
    r.register(NAME, "Instrucciones B", "ana@empresa.es", "segunda");

    int again = r.register(NAME, "Instrucciones A", "otro@empresa.es", "otra vez");

    assertThat(again).isEqualTo(1);
    assertThat(r.versions(NAME)).hasSize(2);
  }

  @Test
  void should_list_versions_newest_first_with_hash_author_message_and_aliases() {
    PromptRegistry r = registry();
    for (int i = 1; i <= 5; i++) {
      r.register(NAME, "Texto " + i + "\ncon acentos: región, año", "ana@empresa.es", "cambio " + i);
    }
    r.setAlias(NAME, PromptRegistry.PRODUCTION, 2, "ana@empresa.es");
    r.setAlias(NAME, PromptRegistry.CANDIDATE, 5, "ana@empresa.es");

    List<PromptVersion> versions = r.versions(NAME);

    assertThat(versions).extracting(PromptVersion::version).containsExactly(5, 4, 3, 2, 1);
    PromptVersion two = versions.get(3);
    assertThat(two.content()).isEqualTo("Texto 2\ncon acentos: región, año");
    assertThat(two.sha256()).isEqualTo(PromptVersion.sha256("Texto 2\ncon acentos: región, año")).hasSize(64);
    assertThat(two.author()).isEqualTo("ana@empresa.es");
    assertThat(two.message()).isEqualTo("cambio 2");
    assertThat(two.aliases()).containsExactly(PromptRegistry.PRODUCTION);
    assertThat(versions.get(0).aliases()).containsExactly(PromptRegistry.CANDIDATE);
    assertThat(versions.get(1).aliases()).isEmpty();
  }

  @Test
  void should_move_an_alias_and_say_where_it_pointed_before() {
    PromptRegistry r = registry();
    r.register(NAME, "A", "ana@empresa.es", "a");
    r.register(NAME, "B", "ana@empresa.es", "b");

    AliasChange first = r.setAlias(NAME, PromptRegistry.PRODUCTION, 1, "ana@empresa.es");
    AliasChange second = r.setAlias(NAME, PromptRegistry.PRODUCTION, 2, "luis@empresa.es");

    assertThat(first.from()).isNull();
    assertThat(second.from()).isEqualTo(1);
    assertThat(second.to()).isEqualTo(2);
    assertThat(second.by()).isEqualTo("luis@empresa.es");
    assertThat(r.byAlias(NAME, PromptRegistry.PRODUCTION)).map(PromptVersion::content).contains("B");
  }

  @Test
  void should_refuse_and_leave_the_alias_when_the_version_does_not_exist() {
    PromptRegistry r = registry();
    r.register(NAME, "A", "ana@empresa.es", "a");
    r.setAlias(NAME, PromptRegistry.PRODUCTION, 1, "ana@empresa.es");

    assertThatThrownBy(() -> r.setAlias(NAME, PromptRegistry.PRODUCTION, 7, "ana@empresa.es"))
        .isInstanceOf(PromptRegistryException.class).hasMessageContaining("No existe la versión 7")
        .satisfies(e -> assertThat(((PromptRegistryException) e).status()).isEqualTo(404));

    assertThat(r.byAlias(NAME, PromptRegistry.PRODUCTION)).map(PromptVersion::version).contains(1);
  }

  @Test
  void should_find_nothing_when_the_prompt_or_the_alias_does_not_exist() {
    PromptRegistry r = registry();

    assertThat(r.versions(NAME)).isEmpty();
    assertThat(r.byAlias(NAME, PromptRegistry.PRODUCTION)).isEmpty();
    r.register(NAME, "A", "ana@empresa.es", "a");
    assertThat(r.byAlias(NAME, PromptRegistry.CANDIDATE)).isEmpty();
    assertThat(r.version(NAME, 2)).isEmpty();
    assertThat(r.version(NAME, 1)).map(PromptVersion::content).contains("A");
  }

  @Test
  void should_seed_the_bundled_prompt_as_version_one_in_production_when_the_registry_is_empty() {
    PromptRegistry r = registry();

    PromptVersion seeded = PromptSeed.bundled(r, NAME, AliasAudit.NONE).ensure();
    PromptVersion again = PromptSeed.bundled(r, NAME, AliasAudit.NONE).ensure();

    assertThat(seeded.version()).isEqualTo(1);
    assertThat(seeded.content()).isEqualTo(SystemPrompt.bundled().current().text());
    assertThat(seeded.author()).isEqualTo(PromptSeed.AUTHOR);
    assertThat(again.version()).isEqualTo(1);
    assertThat(r.versions(NAME)).hasSize(1);
  }

  @Test
  void should_not_seed_over_a_production_alias_that_exists() {
    PromptRegistry r = registry();
    r.register(NAME, "Propio", "ana@empresa.es", "a");
    r.setAlias(NAME, PromptRegistry.PRODUCTION, 1, "ana@empresa.es");

    PromptVersion served = PromptSeed.bundled(r, NAME, AliasAudit.NONE).ensure();

    assertThat(served.content()).isEqualTo("Propio");
    assertThat(r.versions(NAME)).hasSize(1);
  }

  @Test
  void should_keep_prompts_apart_by_name() {
    PromptRegistry r = registry();
    r.register(NAME, "A", "ana@empresa.es", "a");

    assertThat(r.register("main.datagent.judge_prompt", "A", "ana@empresa.es", "a")).isEqualTo(1);
    assertThat(r.register("main.datagent.judge_prompt", "J", "ana@empresa.es", "j")).isEqualTo(2);
    assertThat(r.versions(NAME)).hasSize(1);
  }
}
