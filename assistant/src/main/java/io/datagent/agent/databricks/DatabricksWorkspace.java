package io.datagent.agent.databricks;

import java.util.Map;

/**
 * One Databricks workspace and how to authenticate to it, from the unified-auth environment variables:
 * DATABRICKS_HOST with DATABRICKS_TOKEN (a personal access token), or with DATABRICKS_CLIENT_ID and
 * DATABRICKS_CLIENT_SECRET (OAuth M2M; what a Databricks App is given).
 */
public record DatabricksWorkspace(DatabricksHttp http, DatabricksToken token) {

  /** The workspace the environment names, or null when DATABRICKS_HOST is not set. */
  public static DatabricksWorkspace fromEnv(Map<String, String> env) {
    String host = blankToNull(env.get("DATABRICKS_HOST"));
    if (host == null) {
      return null;
    }
    DatabricksHttp http = new DatabricksHttp(host);
    String pat = blankToNull(env.get("DATABRICKS_TOKEN"));
    if (pat != null) {
      return new DatabricksWorkspace(http, DatabricksToken.of(pat));
    }
    String id = blankToNull(env.get("DATABRICKS_CLIENT_ID"));
    String secret = blankToNull(env.get("DATABRICKS_CLIENT_SECRET"));
    if (id == null || secret == null) {
      throw new IllegalArgumentException("DATABRICKS_HOST is set but neither DATABRICKS_TOKEN nor "
          + "DATABRICKS_CLIENT_ID + DATABRICKS_CLIENT_SECRET are");
    }
    return new DatabricksWorkspace(http, new OAuthM2MToken(http, id, secret));
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
