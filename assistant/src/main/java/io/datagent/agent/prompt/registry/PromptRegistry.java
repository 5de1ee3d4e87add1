package io.datagent.agent.prompt.registry;

import java.util.List;
import java.util.Optional;

/**
 * A registry of prompt texts: immutable numbered versions per prompt name, and movable aliases
 * ({@value #PRODUCTION}, {@value #CANDIDATE}) that point at them. Backends: PostgreSQL (the App's state database,
 * locally and on Lakebase) and the MLflow Prompt Registry in Unity Catalog.
 *
 * <p>Contract (checked by the registry contract tests against every backend):
 * <ul>
 *   <li>{@link #register} is idempotent on content: the same text (same SHA-256) returns the existing version;</li>
 *   <li>versions are numbered 1, 2, 3… per name, never change and are listed newest first with their aliases;</li>
 *   <li>{@link #setAlias} to a version that does not exist fails and leaves the alias as it was;</li>
 *   <li>a backend that cannot be reached or refuses throws {@link PromptRegistryException} (Spanish message), and
 *       nothing changed.</li>
 * </ul>
 */
public interface PromptRegistry {

  String PRODUCTION = "production";
  String CANDIDATE = "candidate";

  /** Registers {@code content} as the next version of {@code name}, or returns the version that already holds it. */
  int register(String name, String content, String author, String message);

  /** Every version of {@code name}, newest first, each with the aliases pointing at it. */
  List<PromptVersion> versions(String name);

  /** The version {@code alias} points at, if any. */
  Optional<PromptVersion> byAlias(String name, String alias);

  /**
   * Points {@code alias} at {@code version}.
   *
   * @return the change, with the version the alias pointed at before (null when new)
   * @throws PromptRegistryException when the version does not exist or the backend fails; the alias is untouched
   */
  AliasChange setAlias(String name, String alias, int version, String by);

  /** One version, if it exists. */
  default Optional<PromptVersion> version(String name, int version) {
    return versions(name).stream().filter(v -> v.version() == version).findFirst();
  }
}
