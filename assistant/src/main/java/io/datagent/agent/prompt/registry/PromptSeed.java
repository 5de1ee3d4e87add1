package io.datagent.agent.prompt.registry;

import io.datagent.agent.prompt.SystemPrompt;
import java.util.Optional;

/**
 * Seeds an empty registry: when a prompt has no {@value PromptRegistry#PRODUCTION} alias yet, its bundled text
 * ({@code prompts/system-v1.md}) is registered (version 1 in an empty registry) and made production. Safe to run
 * from several App instances at once: registering is idempotent and both point the alias at the same version.
 */
public final class PromptSeed {

  public static final String AUTHOR = "datagent";
  public static final String MESSAGE = "Versión incluida en el paquete (" + SystemPrompt.BUNDLED + ")";

  private final PromptRegistry registry;
  private final String name;
  private final String bundledText;
  private final AliasAudit audit;

  public PromptSeed(PromptRegistry registry, String name, String bundledText, AliasAudit audit) {
    this.registry = registry;
    this.name = name;
    this.bundledText = bundledText;
    this.audit = audit;
  }

  /** The bundled system prompt as the seed of {@code name}. */
  public static PromptSeed bundled(PromptRegistry registry, String name, AliasAudit audit) {
    return new PromptSeed(registry, name, SystemPrompt.bundled().current().text(), audit);
  }

  /** The production version, seeding it first when there is none. */
  public PromptVersion ensure() {
    Optional<PromptVersion> current = registry.byAlias(name, PromptRegistry.PRODUCTION);
    if (current.isPresent()) {
      return current.get();
    }
    int v = registry.register(name, bundledText, AUTHOR, MESSAGE);
    audit.record(registry.setAlias(name, PromptRegistry.PRODUCTION, v, AUTHOR), "seed");
    return registry.byAlias(name, PromptRegistry.PRODUCTION)
        .orElseThrow(() -> new PromptRegistryException("El alias production no quedó registrado", 502));
  }

  public String name() {
    return name;
  }
}
