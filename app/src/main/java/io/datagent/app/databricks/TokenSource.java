package io.datagent.app.databricks;

/** Gives a bearer token that is valid now (implementations cache and refresh before expiry). */
@FunctionalInterface
public interface TokenSource {

  String token();

  /** A fixed token (a personal access token in development; tests). */
  static TokenSource fixed(String token) {
    return () -> token;
  }
}
