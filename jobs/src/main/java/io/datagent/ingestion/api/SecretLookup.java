package io.datagent.ingestion.api;

import java.util.Map;
import java.util.Optional;

/**
 * Finds a secret by scope and key. Called again after a 401, so a rotated token is picked up by the same run.
 *
 * <p>On Databricks the job cluster maps each secret into an environment variable with
 * {@code spark_env_vars: DATAGENT_SECRET_<KEY>: "{{secrets/<scope>/<key>}}"} (see resources/api_sources.yml: the
 * bundle's scope name differs per target, so the variable carries the key only); {@link #fromEnvironment} reads
 * {@code DATAGENT_SECRET_<SCOPE>_<KEY>} first, then {@code DATAGENT_SECRET_<KEY>}.
 */
@FunctionalInterface
public interface SecretLookup {

  Optional<String> find(String scope, String key);

  /** {@code DATAGENT_SECRET_<SCOPE>_<KEY>}, upper case, every non-alphanumeric character as {@code _}. */
  static String variableName(String scope, String key) {
    return ("DATAGENT_SECRET_" + scope + "_" + key).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** {@code DATAGENT_SECRET_<KEY>}: the form the bundle's job clusters set. */
  static String variableName(String key) {
    return ("DATAGENT_SECRET_" + key).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  static SecretLookup fromEnvironment(Map<String, String> env) {
    return (scope, key) -> Optional.ofNullable(env.get(variableName(scope, key)))
        .or(() -> Optional.ofNullable(env.get(variableName(key)))).filter(v -> !v.isBlank());
  }

  /** For sources without authentication: any lookup fails loudly. */
  SecretLookup DISABLED = (scope, key) -> {
    throw new IllegalStateException("No hay secretos configurados (se pidió " + scope + "/" + key + ")");
  };
}
