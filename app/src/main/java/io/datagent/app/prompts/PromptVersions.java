package io.datagent.app.prompts;

import io.datagent.agent.prompt.registry.AliasChange;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptRegistryException;
import io.datagent.agent.prompt.registry.PromptSeed;
import io.datagent.agent.prompt.registry.PromptVersion;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Monitor page does with the agent's prompt: lists its versions (hash prefix, author, message, aliases, latest
 * score, who made it production), promotes a version to an alias, and rolls {@code production} back to the version
 * it served before. Every alias change is recorded in {@link PromptAliasLog}; a registry failure changes nothing.
 */
public final class PromptVersions {

  static final Set<String> ALIASES = Set.of(PromptRegistry.PRODUCTION, PromptRegistry.CANDIDATE);

  /** One version as the page shows it. */
  public record View(int version, String hash, String author, String message, Instant createdAt, List<String> aliases,
      Double score, String promotedBy, Instant promotedAt) {}

  /** The page's section: the versions newest first and the latest alias changes. */
  public record Listing(String name, Integer production, Integer candidate, Integer rollbackTo, List<View> versions,
      List<PromptAliasLog.Entry> changes) {}

  private final PromptRegistry registry;
  private final PromptSeed seed;
  private final PromptAliasLog log;
  private final PromptScores scores;

  public PromptVersions(PromptRegistry registry, PromptSeed seed, PromptAliasLog log, PromptScores scores) {
    this.registry = registry;
    this.seed = seed;
    this.log = log;
    this.scores = scores;
  }

  public String name() {
    return seed.name();
  }

  public Listing list() {
    seed.ensure();
    List<PromptVersion> versions = registry.versions(name());
    Map<Integer, Double> score = scores.latest(name());
    List<PromptAliasLog.Entry> changes = log.history(name(), null, 200);
    Integer production = aliased(versions, PromptRegistry.PRODUCTION);
    List<View> views = new ArrayList<>();
    for (PromptVersion v : versions) {
      PromptAliasLog.Entry promoted = changes.stream()
          .filter(e -> e.change().alias().equals(PromptRegistry.PRODUCTION) && e.change().to() == v.version())
          .findFirst().orElse(null);
      views.add(new View(v.version(), v.sha256().substring(0, 12), v.author(), v.message(), v.createdAt(), v.aliases(),
          score.get(v.version()), promoted == null ? null : promoted.change().by(),
          promoted == null ? null : promoted.change().at()));
    }
    return new Listing(name(), production, aliased(versions, PromptRegistry.CANDIDATE), rollbackTarget(production, changes),
        views, changes.subList(0, Math.min(20, changes.size())));
  }

  /** Points {@code alias} at {@code version}; a no-op (nothing recorded) when it already does. */
  public AliasChange promote(int version, String alias, String by) {
    if (!ALIASES.contains(alias)) {
      throw new PromptRegistryException("Alias desconocido: " + alias + " (production o candidate).", 400);
    }
    seed.ensure();
    AliasChange change = registry.setAlias(name(), alias, version, by);
    if (change.from() == null || change.from() != version) {
      log.record(change, "promote");
    }
    return change;
  }

  /** Points production back at the version it served before the current one. */
  public AliasChange rollback(String by) {
    PromptVersion current = seed.ensure();
    Integer target = rollbackTarget(current.version(), log.history(name(), PromptRegistry.PRODUCTION, 1000));
    if (target == null) {
      throw new PromptRegistryException("No hay una versión anterior de production a la que volver.", 409);
    }
    AliasChange change = registry.setAlias(name(), PromptRegistry.PRODUCTION, target, by);
    log.record(change, "rollback");
    return change;
  }

  /**
   * Replays production's changes (oldest first): a seed or promotion stacks its version, a rollback unstacks one. The
   * target is the version under the current one; when the registry's alias was moved outside the App (not in the
   * log), the target is the last version the log knows.
   */
  static Integer rollbackTarget(Integer current, List<PromptAliasLog.Entry> newestFirst) {
    Deque<Integer> stack = new ArrayDeque<>();
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      PromptAliasLog.Entry e = newestFirst.get(i);
      if (!e.change().alias().equals(PromptRegistry.PRODUCTION)) {
        continue;
      }
      if (e.kind().equals("rollback")) {
        stack.pollLast();
        if (stack.isEmpty() || stack.peekLast() != e.change().to()) {
          stack.addLast(e.change().to());
        }
      } else if (stack.isEmpty() || stack.peekLast() != e.change().to()) {
        stack.addLast(e.change().to());
      }
    }
    if (current == null || stack.isEmpty()) {
      return null;
    }
    if (stack.peekLast() != current.intValue()) {
      return stack.peekLast();
    }
    stack.pollLast();
    return stack.peekLast();
  }

  private static Integer aliased(List<PromptVersion> versions, String alias) {
    return versions.stream().filter(v -> v.aliases().contains(alias)).map(PromptVersion::version).findFirst().orElse(null);
  }
}
