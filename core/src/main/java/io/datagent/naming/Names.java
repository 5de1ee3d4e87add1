package io.datagent.naming;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the headers business users write ({@code "Mes/Año"}, {@code "POTENCIA INSTALADA [MW]"}) into column names
 * that are safe everywhere: lower snake_case ASCII, never starting with a digit or {@code _}.
 *
 * <p>Rules of {@link #toIdentifier}: accents are removed (NFD, combining marks dropped: á→a, ñ→n, ü→u); {@code %}
 * becomes the word {@code pct}; every other run of characters that are not ASCII letters or digits (spaces, punctuation,
 * {@code °}, {@code º}, {@code ª}, brackets, non-Latin letters) becomes one {@code _}; leading and trailing {@code _}
 * are trimmed; a leading digit gets the prefix {@code c_}.
 *
 * <p>NOTE: names starting with {@code _} are reserved for lineage columns; this class never produces them.
 */
public final class Names {

  private Names() {}

  /** Snake-case ASCII identifier for one header; {@code ""} when nothing alphanumeric is left (or for null). */
  public static String toIdentifier(String original) {
    if (original == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(original, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length() + 4);
    boolean pendingSeparator = false;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // accent of the previous letter
      }
      if (c == '%') {
        appendWord(out, "pct");
        pendingSeparator = true;
        continue;
      }
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
        if (pendingSeparator && out.length() > 0) {
          out.append('_');
        }
        pendingSeparator = false;
        out.append(lower);
      } else {
        pendingSeparator = true;
      }
    }
    if (out.length() > 0 && out.charAt(0) >= '0' && out.charAt(0) <= '9') {
      out.insert(0, "c_");
    }
    return out.toString();
  }

  private static void appendWord(StringBuilder out, String word) {
    if (out.length() > 0) {
      out.append('_');
    }
    out.append(word);
  }

  /**
   * One distinct identifier per header, in the same order.
   *
   * <p>Empty identifiers become {@code columna_<1-based position>}. The first occurrence of a name keeps it; each
   * later duplicate gets the smallest suffix {@code _2}, {@code _3}, … that is neither taken already nor the plain
   * name of any column in the list, so {@code [a, a, a_2]} gives {@code [a, a_3, a_2]}.
   */
  public static List<String> uniqueIdentifiers(List<String> originals) {
    List<String> base = new ArrayList<>(originals.size());
    for (int i = 0; i < originals.size(); i++) {
      String id = toIdentifier(originals.get(i));
      base.add(id.isEmpty() ? "columna_" + (i + 1) : id);
    }
    Set<String> reserved = new HashSet<>(base);
    Set<String> taken = new HashSet<>();
    List<String> result = new ArrayList<>(base.size());
    for (String name : base) {
      String chosen = name;
      if (!taken.add(chosen)) {
        int suffix = 2;
        do {
          chosen = name + "_" + suffix++;
        } while (reserved.contains(chosen) || taken.contains(chosen));
        taken.add(chosen);
      }
      result.add(chosen);
    }
    return result;
  }

  /**
   * Key used to match dictionary entries to headers: {@code "Rotulo"} matches {@code "Rótulo"} and
   * {@code "POTENCIA INSTALADA [MW]"} matches {@code "Potencia instalada (MW)"}. Same as {@link #toIdentifier}.
   */
  public static String matchKey(String s) {
    return toIdentifier(s);
  }
}
