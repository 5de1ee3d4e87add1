package io.datagent.ingestion.sheet;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footnote markers in headers and the note lines they point to.
 *
 * <p>A marker is {@code /} + 1-2 digits at the end of a header ({@code Buenos Aires/1}, but not {@code Mes/Año} nor
 * {@code Ratio 1/2}), {@code (digits)}, {@code (*)} or one to three {@code *} at the end. A note line starts with the
 * same kind of marker, or with {@code digits)} or Unicode superscript digits ({@code ¹}), followed by its text, with or
 * without a space ({@code /1Para una apertura ...} is how the ENARGAS sample reads once its rich-text runs are joined).
 * Markers are compared with {@link #key(String)}, so {@code /1}, {@code (1)}, {@code 1)} and {@code ¹} all match.
 */
public final class Footnotes {

  private static final Pattern SLASH_DIGITS = Pattern.compile("(.*[^\\d\\s/])\\s*(/\\d{1,2})");
  private static final Pattern PAREN_MARKER = Pattern.compile("(.*\\S)\\s*(\\((?:\\d{1,2}|\\*{1,3})\\))");
  private static final Pattern STARS = Pattern.compile("(.*[^*\\s])\\s*(\\*{1,3})");
  private static final Pattern NOTE =
      Pattern.compile("\\s*(/\\d{1,2}|\\(\\d{1,2}\\)|\\(\\*{1,3}\\)|\\*{1,3}|\\d{1,2}\\)|[¹²³⁰⁴⁵⁶⁷⁸⁹]{1,2})\\s*(\\S.*)",
          Pattern.DOTALL);
  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  /** A header split into its text and its footnote marker ({@code null} when it has none). */
  public record Split(String text, String marker) {}

  /** A note line split into its marker and its text. */
  public record Note(String marker, String text) {}

  private Footnotes() {}

  /** Splits a trailing footnote marker off a header; the text is trimmed; without a marker returns (header, null). */
  public static Split splitMarker(String header) {
    String trimmed = header == null ? "" : header.trim();
    for (Pattern pattern : new Pattern[] {SLASH_DIGITS, PAREN_MARKER, STARS}) {
      Matcher m = pattern.matcher(trimmed);
      if (m.matches()) {
        return new Split(m.group(1).trim(), m.group(2));
      }
    }
    return new Split(trimmed, null);
  }

  /** Parses a note line that starts with a footnote marker; empty for other lines ({@code FUENTE: ...}, data). */
  public static Optional<Note> parseNote(String line) {
    if (line == null) {
      return Optional.empty();
    }
    Matcher m = NOTE.matcher(line);
    return m.matches() ? Optional.of(new Note(m.group(1), m.group(2).trim())) : Optional.empty();
  }

  /**
   * The comparable form of a marker: its digits ({@code "1"} for {@code /1}, {@code (1)}, {@code 1)}, {@code ¹}),
   * or its stars ({@code "*"} for {@code *} and {@code (*)}).
   */
  public static String key(String marker) {
    StringBuilder key = new StringBuilder();
    for (char c : marker.toCharArray()) {
      int superscript = SUPERSCRIPTS.indexOf(c);
      if (Character.isDigit(c) || c == '*') {
        key.append(c);
      } else if (superscript >= 0) {
        key.append((char) ('0' + superscript));
      }
    }
    return key.toString();
  }

  /** Renders digits as Unicode superscripts ({@code "3"} → {@code "³"}); other characters are kept. */
  static String superscript(String digits) {
    StringBuilder out = new StringBuilder();
    for (char c : digits.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? SUPERSCRIPTS.charAt(c - '0') : c);
    }
    return out.toString();
  }
}
