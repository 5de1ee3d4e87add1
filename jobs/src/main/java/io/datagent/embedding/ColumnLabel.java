package io.datagent.embedding;

import java.util.Locale;

/**
 * The Spanish label a column gets in row documents: its description when that reads as a label (shortened to the
 * first phrase), an all-capitals original header in sentence case ({@code POTENCIA INSTALADA [MW]} →
 * {@code Potencia instalada [MW]}), else the column name with spaces.
 */
public final class ColumnLabel {

  static final int MAX = 60;

  private ColumnLabel() {}

  public static String of(String column, String description) {
    String d = description == null ? "" : Texts.clean(description);
    if (d.isEmpty()) {
      return humanize(column);
    }
    if (d.length() > MAX) {
      int cut = firstBreak(d);
      d = cut > 0 && cut <= MAX ? d.substring(0, cut).strip() : Texts.abbreviate(d, MAX);
    }
    return isUpperCase(d) ? sentenceCase(d) : d;
  }

  static String humanize(String column) {
    String s = column.replace('_', ' ').strip();
    return s.isEmpty() ? column : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static int firstBreak(String d) {
    int best = -1;
    for (String sep : new String[] {". ", "; ", " (", ": ", " - ", " — "}) {
      int i = d.indexOf(sep);
      if (i > 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  private static boolean isUpperCase(String s) {
    boolean letters = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isLetter(c);
    }
    return letters;
  }

  /** First letter upper, the rest lower, except units in brackets ({@code [MW]}) and short acronyms in them. */
  static String sentenceCase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean inBracket = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[' || c == '(') {
        inBracket = true;
      } else if (c == ']' || c == ')') {
        inBracket = false;
      }
      sb.append(inBracket || i == 0 ? c : Character.toLowerCase(c));
    }
    return sb.toString().toUpperCase(Locale.ROOT).charAt(0) + sb.substring(1);
  }
}
