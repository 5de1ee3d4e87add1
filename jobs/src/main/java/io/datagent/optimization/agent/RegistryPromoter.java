package io.datagent.optimization.agent;

import io.datagent.agent.prompt.registry.AliasAudit;
import io.datagent.agent.prompt.registry.AliasChange;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptSeed;
import io.datagent.agent.prompt.registry.PromptVersion;
import io.datagent.optimization.Candidate;
import io.datagent.optimization.KindScores;
import io.datagent.optimization.Promoter;
import java.util.Locale;

/**
 * The LLM agent's configuration in the prompt registry: the current one is the {@value PromptRegistry#PRODUCTION}
 * alias (seeded when empty); a winner is registered as a new version (author {@value #AUTHOR}, the scores in the
 * message) and the alias moved to it, recorded in the alias audit as a promotion.
 */
public final class RegistryPromoter implements Promoter {

  public static final String AUTHOR = "datagent-optimize";

  private final PromptRegistry registry;
  private final PromptSeed seed;
  private final AliasAudit audit;

  public RegistryPromoter(PromptRegistry registry, PromptSeed seed, AliasAudit audit) {
    this.registry = registry;
    this.seed = seed;
    this.audit = audit;
  }

  @Override
  public Candidate current() {
    PromptVersion v = seed.ensure();
    return Candidate.prompt("v" + v.version(), "current", v.content());
  }

  @Override
  public String promote(Candidate winner, KindScores before, KindScores after, String reason) {
    String message = String.format(Locale.ROOT, "Optimización (%s, %s): exactas reservadas %.1f %% → %.1f %%",
        winner.origin(), winner.label(), before.overall() * 100, after.overall() * 100);
    int v = registry.register(seed.name(), winner.prompt(), AUTHOR, message);
    AliasChange change = registry.setAlias(seed.name(), PromptRegistry.PRODUCTION, v, AUTHOR);
    audit.record(change, "promote");
    return "v" + v;
  }
}
