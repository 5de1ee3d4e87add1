package io.datagent.config;

import java.util.Map;

/**
 * Reads a process's settings from its environment for a {@code main}: the one place a variable is parsed, with
 * startup errors that name the offending key and the value given. Libraries never see the environment; the main
 * reads it once through this class and passes config records in.
 */
public final class EnvReader {

  private final Map<String, String> env;
  private final String hint;

  /** @param hint appended to errors: where the variable is set (e.g. the bundle's resources/app.yml) */
  public EnvReader(Map<String, String> env, String hint) {
    this.env = Map.copyOf(env);
    this.hint = hint == null || hint.isBlank() ? "" : " (" + hint + ")";
  }

  /** The trimmed value, or {@code fallback} when unset or blank. */
  public String text(String key, String fallback) {
    String v = env.get(key);
    return v == null || v.isBlank() ? fallback : v.strip();
  }

  /** The trimmed value; unset or blank is refused naming the key. */
  public String require(String key) {
    String v = text(key, null);
    if (v == null) {
      throw new IllegalArgumentException(key + " no está definida" + hint);
    }
    return v;
  }

  /** A whole number in {@code [min, max]}, or {@code fallback} when unset; anything else is refused naming the key. */
  public long number(String key, long fallback, long min, long max) {
    String v = text(key, null);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below with the key and the value
    }
    throw new IllegalArgumentException(key + " debe ser un número entero entre " + min + " y " + max + ", no «" + v
        + "»" + hint);
  }

  /** {@code true}/{@code false} (any case), or {@code fallback} when unset; anything else is refused naming the key. */
  public boolean flag(String key, boolean fallback) {
    String v = text(key, null);
    if (v == null) {
      return fallback;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException(key + " debe ser true o false, no «" + v + "»" + hint);
  }

  /** The whole environment, for component loaders that take a map (they name their own keys). */
  public Map<String, String> asMap() {
    return env;
  }
}
