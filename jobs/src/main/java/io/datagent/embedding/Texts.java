package io.datagent.embedding;

import java.util.ArrayList;
import java.util.List;

/**
 * Text hygiene and chunking for documents: control characters and broken surrogate pairs removed (emoji and any
 * script kept), whitespace collapsed, and long texts split near a limit without cutting a character in half.
 */
public final class Texts {

  private Texts() {}

  /** Printable text: control characters become spaces, lone surrogates are dropped, runs of blanks collapse. */
  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          sb.append(c).append(s.charAt(++i));
          space = false;
        }
        continue;
      }
      if (Character.isLowSurrogate(c)) {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00A0') {
        if (!space && sb.length() > 0) {
          sb.append(' ');
          space = true;
        }
        continue;
      }
      sb.append(c);
      space = false;
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    return sb.substring(0, end);
  }

  /**
   * Splits {@code text} into pieces of at most {@code max} characters, cutting at the last blank (else the last
   * character boundary) before the limit. Never splits a surrogate pair.
   */
  public static List<String> split(String text, int max) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (text.length() - from > max) {
      int cut = from + max;
      int blank = text.lastIndexOf(' ', cut);
      if (blank > from) {
        cut = blank;
      } else if (Character.isLowSurrogate(text.charAt(cut))) {
        cut--;
      }
      out.add(text.substring(from, cut).strip());
      from = cut;
      while (from < text.length() && text.charAt(from) == ' ') {
        from++;
      }
    }
    if (from < text.length()) {
      out.add(text.substring(from).strip());
    }
    return out;
  }

  /** At most {@code max} characters, with an ellipsis when cut. */
  public static String abbreviate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = max - 1;
    if (Character.isLowSurrogate(s.charAt(cut))) {
      cut--;
    }
    return s.substring(0, cut).stripTrailing() + "…";
  }
}
