package io.datagent.ingestion.api;

import java.util.Map;
import java.util.Optional;

/**
 * Finds a secret by scope and key. Called again after a 401, so a rotated token is picked up by the same run.
 *
 * <p>On Databricks the job cluster maps each secret into an environment variable with
 * {@code spark_env_vars: DATAGENT_SECRET_<SCOPE>_<KEY>: "{{secrets/<scope>/<key>}}"} (see resources/api_sources.yml);
 * {@link #fromEnvironment} reads that form.
 */
@FunctionalInterface
public interface SecretLookup {

  Optional<String> find(String scope, String key);

  /** {@code DATAGENT_SECRET_<SCOPE>_<KEY>}, upper case, every non-alphanumeric character as {@code _}. */
  static String variableName(String scope, String key) {
    return ("DATAGENT_SECRET_" + scope + "_" + key).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  static SecretLookup fromEnvironment(Map<String, String> env) {
    return (scope, key) -> Optional.ofNullable(env.get(variableName(scope, key))).filter(v -> !v.isBlank());
  }

  /** For sources without authentication: any lookup fails loudly. */
  SecretLookup DISABLED = (scope, key) -> {
    throw new IllegalStateException("No hay secretos configurados (se pidió " + scope + "/" + key + ")");
  };
}
