package io.datagent.agent.prompt.registry;

/**
 * Where alias changes are recorded for audit (who moved which alias when, from which version to which, and why).
 * The App keeps them in its state database whichever registry holds the prompts.
 */
public interface AliasAudit {

  /** Records nothing (tools and tests that keep no audit). */
  AliasAudit NONE = (change, kind) -> {};

  /** @param kind {@code seed}, {@code promote} or {@code rollback} */
  void record(AliasChange change, String kind);
}
