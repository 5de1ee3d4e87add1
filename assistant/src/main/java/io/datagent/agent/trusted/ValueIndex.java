package io.datagent.agent.trusted;

import java.util.List;
import java.util.Optional;

/** The known values of a table's low-cardinality columns (the semantic model's value index), to check text parameters. */
@FunctionalInterface
public interface ValueIndex {

  /** No index anywhere: text parameters are taken as typed (after the safety checks). */
  ValueIndex NONE = table -> Optional.empty();

  /** The values of {@code table}, or empty when it has no index. */
  Optional<List<String>> values(String table);
}
