package io.datagent.ingestion.typing;

import io.datagent.text.Folding;
/**
 * Allocation-free helpers over a {@code [from, to)} range of a cell's text: trimming, null tokens, boolean tokens
 * and accent/case folding. Hot path: called once or twice per cell.
 */
final class Tokens {

  /** Boolean tokens; an even index means true. */
  private static final String[] BOOLEANS = {"si", "no", "s", "n", "verdadero", "falso", "true", "false"};

  private Tokens() {}

  /** Whitespace as found in exported cells: ASCII blanks/controls, no-break and thin spaces, a stray BOM. */
  static boolean isSpace(char c) {
    return c <= ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2007' || c == '\u2009' || c == '\uFEFF' || c == '\u3000';
  }

  static int trimStart(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static int trimEnd(String s, int from) {
    int j = s.length();
    while (j > from && isSpace(s.charAt(j - 1))) {
      j--;
    }
    return j;
  }

  /**
   * True for what is not evidence of anything: blank, {@code -}, {@code --}, {@code s/d}, {@code sd}, {@code n/d},
   * {@code nd}, {@code n/a}, {@code na}, {@code null}, {@code …}, {@code ...} (case-insensitive; range already trimmed).
   */
  static boolean isNullToken(String s, int from, int to) {
    int len = to - from;
    switch (len) {
      case 0:
        return true;
      case 1:
        return s.charAt(from) == '-' || s.charAt(from) == '…';
      case 2:
        return equalsFolded(s, from, to, "--") || equalsFolded(s, from, to, "sd") || equalsFolded(s, from, to, "nd")
            || equalsFolded(s, from, to, "na");
      case 3:
        return equalsFolded(s, from, to, "s/d") || equalsFolded(s, from, to, "n/d") || equalsFolded(s, from, to, "n/a")
            || equalsFolded(s, from, to, "...");
      case 4:
        return equalsFolded(s, from, to, "null");
      default:
        return false;
    }
  }

  /** Index of the boolean token (sí/si/no, s/n, verdadero/falso, true/false) or -1; even index means true. */
  static int booleanToken(String s, int from, int to) {
    int len = to - from;
    if (len < 1 || len > 9) {
      return -1;
    }
    for (int i = 0; i < BOOLEANS.length; i++) {
      if (equalsFolded(s, from, to, BOOLEANS[i])) {
        return i;
      }
    }
    return -1;
  }

  static boolean booleanValue(int token) {
    return (token & 1) == 0;
  }

  /** True when the range equals {@code lowerWord} ignoring case and Spanish accents. */
  static boolean equalsFolded(String s, int from, int to, String lowerWord) {
    if (to - from != lowerWord.length()) {
      return false;
    }
    for (int i = 0; i < lowerWord.length(); i++) {
      if (Folding.fold(s.charAt(from + i)) != lowerWord.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
