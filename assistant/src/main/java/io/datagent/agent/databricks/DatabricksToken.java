package io.datagent.agent.databricks;

/**
 * A bearer token for the Databricks REST APIs: a personal access token ({@link #of}) or the App's service principal
 * through OAuth machine-to-machine ({@link OAuthM2MToken}), refreshed before it expires.
 */
@FunctionalInterface
public interface DatabricksToken {

  /** A currently valid token. */
  String get() throws DatabricksApiException;

  static DatabricksToken of(String personalAccessToken) {
    return () -> personalAccessToken;
  }
}
