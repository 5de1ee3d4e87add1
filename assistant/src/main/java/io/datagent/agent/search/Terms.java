package io.datagent.agent.search;

import io.datagent.text.Folding;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Spanish words reduced for matching: lower case, accents removed, split on anything but letters and digits,
 * stop words dropped, a plural {@code -s}/{@code -es} cut. Good enough to match a question against table and column
 * names and comments; real retrieval is the retrieval library's job.
 */
public final class Terms {

  private static final Set<String> STOP = Set.of(
      "de", "del", "la", "las", "el", "los", "en", "y", "o", "por", "para", "que", "cual", "cuales", "es", "son",
      "con", "un", "una", "unos", "unas", "se", "al", "lo", "como", "cuanto", "cuanta", "cuantos", "cuantas", "su",
      "sus", "mas", "menos", "fue", "hay", "sobre", "entre", "me", "mi", "dame", "decime", "dime", "muestra",
      "mostrar", "quiero", "saber", "segun", "cada", "este", "esta", "estos", "estas", "the", "of", "and", "sin",
      "valor", "dato", "datos", "tabla", "tablas");

  private Terms() {}

  /** The distinct matching terms of a text, in order. */
  public static Set<String> of(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : Folding.fold(text).split("[^a-z0-9]+")) {
      if (w.length() < 3 || STOP.contains(w)) {
        continue;
      }
      out.add(stem(w));
    }
    return out;
  }

  static String stem(String w) {
    if (w.length() > 5 && w.endsWith("es")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 4 && w.endsWith("s")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
