package io.datagent.retrieval.databricks;

import java.util.Map;

/**
 * Where the bearer token of Databricks REST calls comes from: a personal access token, or OAuth machine-to-machine
 * credentials of a service principal (what a Databricks App gets in {@code DATABRICKS_CLIENT_ID/SECRET}).
 */
public interface DatabricksCredentials {

  /** A currently valid bearer token. */
  String bearerToken();

  static DatabricksCredentials token(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("Databricks: the access token is empty");
    }
    return () -> token;
  }

  /**
   * From the environment, as the Databricks SDK's unified auth reads it: {@code DATABRICKS_TOKEN}, else
   * {@code DATABRICKS_CLIENT_ID} + {@code DATABRICKS_CLIENT_SECRET} (OAuth M2M against {@code host}).
   */
  static DatabricksCredentials fromEnv(String host, Map<String, String> env) {
    String token = env.get("DATABRICKS_TOKEN");
    if (token != null && !token.isBlank()) {
      return token(token);
    }
    String id = env.get("DATABRICKS_CLIENT_ID");
    String secret = env.get("DATABRICKS_CLIENT_SECRET");
    if (id != null && !id.isBlank() && secret != null && !secret.isBlank()) {
      return new OAuthM2MCredentials(host, id, secret);
    }
    throw new IllegalArgumentException("Databricks: no credentials; set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and "
        + "DATABRICKS_CLIENT_SECRET");
  }
}
