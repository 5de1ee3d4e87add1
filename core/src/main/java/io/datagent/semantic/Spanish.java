package io.datagent.semantic;

import java.util.Locale;

/** Small Spanish text helpers for deriving names: folding and plurals. */
public final class Spanish {

  private Spanish() {}

  /** Lower case without accents ({@code "Región"} → {@code "region"}). */
  public static String fold(String s) {
    return io.datagent.text.Folding.fold(s);
  }

  /** The plural of a noun ("central" → "centrales", "estación" → "estaciones", "día" → "días"). */
  public static String plural(String noun) {
    String n = noun.strip().toLowerCase(Locale.ROOT);
    if (n.isEmpty() || n.endsWith("s")) {
      return n;
    }
    if (n.endsWith("ión")) {
      return n.substring(0, n.length() - 3) + "iones";
    }
    if (n.endsWith("z")) {
      return n.substring(0, n.length() - 1) + "ces";
    }
    char last = fold(n).charAt(n.length() - 1);
    return "aeiou".indexOf(last) >= 0 ? n + "s" : n + "es";
  }

  /** A label from a snake_case name ("potencia_instalada_mw" → "Potencia instalada mw"). */
  public static String label(String name) {
    String s = name.replace('_', ' ').strip();
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Sentence case for an all-caps header ("POTENCIA INSTALADA [MW]" → "Potencia instalada [MW]"). */
  public static String sentence(String header) {
    String s = header.strip().replaceAll("\\s+", " ");
    if (!s.equals(s.toUpperCase(Locale.ROOT))) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[[^\\]]*\\]|\\([^)]*\\)|[^\\[(]+").matcher(s);
    while (m.find()) {
      String part = m.group();
      out.append(part.startsWith("[") || part.startsWith("(") ? part
          : java.util.regex.Pattern.compile("([°º])\\s*([cfk])\\b").matcher(part.toLowerCase(Locale.ROOT))
              .replaceAll(m2 -> m2.group(1) + m2.group(2).toUpperCase(Locale.ROOT)));
    }
    String r = out.toString();
    return r.isEmpty() ? r : Character.toUpperCase(r.charAt(0)) + r.substring(1);
  }
}
