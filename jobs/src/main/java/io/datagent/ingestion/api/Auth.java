package io.datagent.ingestion.api;

/**
 * How requests authenticate. Values come from a secret scope through {@link SecretLookup}; the source file names the
 * scope and keys only.
 *
 * @param kind     the scheme
 * @param scope    secret scope name
 * @param key      secret key of the token, API key or user name
 * @param password secret key of the password (BASIC only)
 * @param name     header or query parameter name (API keys)
 */
public record Auth(Kind kind, String scope, String key, String password, String name) {

  public static final Auth NONE = new Auth(Kind.NONE, null, null, null, null);

  public enum Kind { NONE, BEARER, BASIC, API_KEY_HEADER, API_KEY_QUERY }
}
