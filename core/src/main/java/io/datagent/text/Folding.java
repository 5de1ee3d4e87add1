package io.datagent.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Accent folding for matching what business users write: lower case ({@link Locale#ROOT}) and combining marks
 * removed after canonical decomposition, so {@code "Descripción"}, {@code "DESCRIPCION"} and {@code "descripcion"}
 * fold to the same text (á→a, Ñ→n, ü→u). The one helper every module uses (the agent's terms, the ingestion's
 * sheet and token checks, the benchmarks).
 *
 * <p>NOTE: folding is for comparing, never for display or identifiers ({@code io.datagent.naming.Names} makes
 * identifiers); it keeps punctuation, spaces and non-Latin letters as they are (lower-cased).
 */
public final class Folding {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  /** The Latin blocks (Latin-1, Extended-A and B) folded ahead of time: {@link #fold(char)} is one array read. */
  private static final char[] LATIN = new char[0x250];

  static {
    for (char c = 0; c < LATIN.length; c++) {
      LATIN[c] = foldOne(c);
    }
  }

  private Folding() {}

  /** The folded text: {@code "Año Hábil"} → {@code "ano habil"}; {@code ""} for null. */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    return isAscii(text) ? text.toLowerCase(Locale.ROOT) : foldText(text);
  }

  /**
   * One character folded as {@link #fold(String)} folds it when that gives one character ({@code 'Á'} → {@code 'a'});
   * for hot loops that compare a cell character by character without building strings.
   */
  public static char fold(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return c < LATIN.length ? LATIN[c] : foldOne(c);
  }

  private static char foldOne(char c) {
    String f = Character.isSurrogate(c) ? "" : foldText(String.valueOf(c));
    return f.length() == 1 ? f.charAt(0) : Character.toLowerCase(c);
  }

  private static String foldText(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
