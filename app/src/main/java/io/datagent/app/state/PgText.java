package io.datagent.app.state;

import java.util.regex.Pattern;

/**
 * Text as PostgreSQL will store it. PostgreSQL's {@code text} and {@code jsonb} cannot hold U+0000 (a NUL in a
 * parameter fails the whole statement: "invalid byte sequence for encoding UTF8: 0x00"), and a NUL can reach the
 * state from anywhere: a pasted question, a cell of an uploaded file, a model's answer. Each NUL becomes U+FFFD,
 * the replacement character, so the exchange is kept and the place of the lost character stays visible.
 */
public final class PgText {

  /** A JSON {@code \u0000} escape not itself escaped (preceded by an even number of backslashes). */
  private static final Pattern JSON_NUL = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

  private PgText() {}

  /** {@code s} with every NUL replaced; null stays null. */
  public static String text(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
  }

  /** JSON text with every escaped NUL ({@code \u0000}) and raw NUL replaced; null stays null. */
  public static String json(String s) {
    if (s == null || (s.indexOf('\0') < 0 && !s.contains("\\u0000"))) {
      return s;
    }
    return JSON_NUL.matcher(text(s)).replaceAll("$1\\\\ufffd"); // group 1 (the even backslashes), then \ufffd
  }
}
