package io.datagent.agent.prompt.registry;

import java.time.Instant;

/**
 * An alias moved: who moved it, when, and from which version (null: the alias is new) to which.
 */
public record AliasChange(String name, String alias, Integer from, int to, String by, Instant at) {}
