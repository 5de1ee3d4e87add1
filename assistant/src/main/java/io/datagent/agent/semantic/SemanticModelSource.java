package io.datagent.agent.semantic;

import java.util.Optional;

/**
 * Where an engineer's semantic model YAML for a table comes from (a metric view bundle, see
 * {@link io.datagent.semantic.MetricViewYaml}); when present it replaces the derived model.
 */
public interface SemanticModelSource {

  /** No YAML anywhere: every model is derived. */
  SemanticModelSource NONE = table -> Optional.empty();

  /** The YAML for {@code schema.table}, or empty. */
  Optional<String> yaml(String qualifiedTable);

  /** YAML files named {@code <schema>.<table>.yaml} or {@code <table>.yaml} in a directory (missing: none). */
  static SemanticModelSource directory(java.nio.file.Path dir) {
    return table -> {
      String bare = table.substring(table.lastIndexOf('.') + 1);
      for (String name : new String[] {table + ".yaml", bare + ".yaml", bare + ".metric_view.yaml"}) {
        java.nio.file.Path p = dir.resolve(name.toLowerCase(java.util.Locale.ROOT));
        if (java.nio.file.Files.isRegularFile(p)) {
          try {
            return Optional.of(java.nio.file.Files.readString(p));
          } catch (java.io.IOException e) {
            return Optional.empty();
          }
        }
      }
      return Optional.empty();
    };
  }
}
