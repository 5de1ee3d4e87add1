package io.datagent.agent.semantic;

import io.datagent.agent.search.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question split into tokens: words (folded and stemmed), numbers (Spanish "1.234,5" or "1234.5"), and the
 * symbols the grammar uses ({@code % ° × * /}). Dates written with digits ({@code 15/07/2023},
 * {@code 2023-07-15}) become words first ("15 de julio de 2023") so one time grammar reads both.
 */
final class Text {

  /** Words that carry no meaning for matching names (articles, prepositions, question words). */
  static final Set<String> STOP = Set.of("de", "del", "la", "las", "el", "los", "en", "y", "e", "o", "u", "a", "al",
      "que", "cual", "cuales", "es", "son", "fue", "fueron", "era", "un", "una", "unos", "unas", "lo", "se", "su", "sus",
      "me", "mi", "por", "para", "con", "hay", "hubo", "tiene", "tienen", "tuvo", "tenia", "tenian", "dame", "decime",
      "dime", "muestra", "mostrame", "quiero", "saber", "como", "esta", "este", "estos", "estas", "ese", "esa",
      "segun", "sobre", "datos", "dato", "tabla", "tablas", "disponible", "disponibles", "valor", "valores", "registrado", "registrada", "registro");

  private static final Pattern TOKEN = Pattern.compile("\\d+(?:[.,]\\d+)*|[\\p{L}]+|%|°|º|×|\\*|/|\\+|-|\\$|=");
  private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})\\b");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
  private static final Pattern ISO_MONTH = Pattern.compile("\\b(\\d{4})-(\\d{1,2})\\b");

  private Text() {}

  static List<Token> tokens(String question) {
    return tokens(question, true);
  }

  /**
   * The words of a name of the model (a column, a value): as {@link #tokens} but never read as a misspelt grammar
   * word, so that the value "Cuenca" stays a place and does not become "cuenta".
   */
  static List<Token> names(String name) {
    return tokens(name, false);
  }

  /** A question word as typed when the grammar read it as a misspelling ("Cuenca" for "cuenta"). */
  static Token asTyped(Token t) {
    String f = fold(t.raw());
    return new Token(t.index(), t.raw(), f, stem(f), t.number());
  }

  private static List<Token> tokens(String question, boolean grammar) {
    String q = question == null ? "" : question;
    q = DMY.matcher(q).replaceAll(m -> m.group(1) + " de " + Lexicon.monthName(Integer.parseInt(m.group(2))) + " de " + m.group(3));
    q = ISO.matcher(q).replaceAll(m -> m.group(3) + " de " + Lexicon.monthName(Integer.parseInt(m.group(2))) + " de " + m.group(1));
    q = ISO_MONTH.matcher(q).replaceAll(m -> Lexicon.monthName(Integer.parseInt(m.group(2))) + " de " + m.group(1));
    List<Token> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(q);
    while (m.find()) {
      String raw = m.group();
      String folded = grammar ? grammar(fold(raw)) : fold(raw);
      if (folded.equals("º")) {
        folded = "°";
      }
      Double n = Character.isDigit(raw.charAt(0)) ? number(raw) : null;
      out.add(new Token(out.size(), raw, folded, n != null ? folded : stem(folded), n));
    }
    return out;
  }

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** Lower case without accents (as {@link Terms#fold}, with the pattern compiled once). */
  static String fold(String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 128;
    }
    String d = ascii ? s : MARKS.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)).replaceAll("");
    return d.toLowerCase(java.util.Locale.ROOT);
  }

  /** A folded word without its plural ending: "centrales" → "central", "días" → "dia", "meses" → "mes". */
  static String stem(String w) {
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      String s = w.substring(0, w.length() - 1);
      if (w.length() >= 5 && s.endsWith("e") && ("lnrdzj".indexOf(s.charAt(s.length() - 2)) >= 0
          || s.length() == 4 && s.charAt(2) == 's')) { // "meses" → "mes"
        s = s.substring(0, s.length() - 1);
      }
      return s;
    }
    return w;
  }

  /** "1.234,5" → 1234.5; "1.5" → 1.5; "1.000" → 1000. */
  static Double number(String s) {
    try {
      if (s.contains(",")) {
        return Double.parseDouble(s.replace(".", "").replace(',', '.'));
      }
      int dot = s.lastIndexOf('.');
      if (dot >= 0 && s.length() - dot - 1 == 3 && s.indexOf('.') > 0) {
        return Double.parseDouble(s.replace(".", ""));
      }
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Bounded edit distance between two words (Levenshtein), or a value above {@code max}. */
  static int distance(String a, String b, int max) {
    int d = (max <= 1 ? ONE : TWO).apply(a, b);
    return d < 0 || d > max ? max + 1 : d;
  }

  private static final org.apache.commons.text.similarity.LevenshteinDistance ONE =
      new org.apache.commons.text.similarity.LevenshteinDistance(1);
  private static final org.apache.commons.text.similarity.LevenshteinDistance TWO =
      new org.apache.commons.text.similarity.LevenshteinDistance(2);

  /** Whether two stems are the same word, allowing one typo from 5 letters and two from 9. */
  static boolean same(String a, String b) {
    return same(a, b, CompilerThresholds.DEFAULT.typoFrom(), CompilerThresholds.DEFAULT.twoTyposFrom());
  }

  /** As {@link #same(String, String)}, one typo allowed from {@code oneFrom} letters and two from {@code twoFrom}. */
  static boolean same(String a, String b, int oneFrom, int twoFrom) {
    if (a.equals(b)) {
      return true;
    }
    int len = Math.min(a.length(), b.length());
    if (len < oneFrom || Character.isDigit(a.charAt(0)) || Character.isDigit(b.charAt(0))) {
      return false;
    }
    if (swapped(a, b)) {
      return true; // "centrlaes", "totla": two letters typed in the wrong order are one typo
    }
    int max = len >= twoFrom ? 2 : 1;
    if (a.charAt(0) != b.charAt(0) && a.charAt(a.length() - 1) != b.charAt(b.length() - 1)) {
      return false; // a typo keeps one end of the word: cheap rejection before the edit distance
    }
    return Math.abs(a.length() - b.length()) <= max && distance(a, b, max) <= max;
  }

  /** Whether {@code b} is {@code a} with two adjacent letters swapped. */
  static boolean swapped(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
        && a.substring(i + 2).equals(b.substring(i + 2));
  }

  /**
   * Whether a question word is a name word of the model with a typo the stems hide: two letters swapped before a
   * plural ending ("centrlaes" for "centrales", "aries" for "aires").
   */
  static boolean samePlural(String folded, String nameStem) {
    return folded.length() >= 5 && (swapped(folded, nameStem + "s") || swapped(folded, nameStem + "es"));
  }

  /** The grammar word a misspelt word stands for ("procentaje" → "porcentaje"), else the word itself. */
  static String grammar(String folded) {
    if (GRAMMAR.contains(folded) || KNOWN.contains(folded) || folded.isEmpty() || !Character.isLetter(folded.charAt(0))) {
      return folded;
    }
    if (folded.length() < 5) {
      return shortGrammar(folded);
    }
    for (String g : GRAMMAR) {
      if (!stem(folded).equals(stem(g)) && (swapped(folded, g) || same(folded, g) && folded.regionMatches(0, g, 0, 2))) {
        return g;
      }
    }
    return folded;
  }

  /**
   * A short misspelt grammar word: "b" typed for "v" or the reverse ("huvo" → "hubo"), or a five-letter grammar
   * word missing an inner letter ("totl" → "total"); months and known words are never changed.
   */
  private static String shortGrammar(String folded) {
    if (folded.length() < 3 || Lexicon.month(folded, true) != null || Lexicon.AGGREGATIONS.containsKey(folded)) {
      return folded;
    }
    String bv = folded.indexOf('v') >= 0 ? folded.replace('v', 'b') : folded.replace('b', 'v');
    if (!bv.equals(folded) && KNOWN.contains(bv)) {
      return bv;
    }
    if (folded.length() == 4) {
      for (String g : GRAMMAR) {
        if (g.length() == 5 && g.charAt(0) == folded.charAt(0) && g.charAt(4) == folded.charAt(3)) {
          for (int i = 1; i < 4; i++) {
            if ((g.substring(0, i) + g.substring(i + 1)).equals(folded)) {
              return g;
            }
          }
        }
      }
    }
    return folded;
  }

  private static final Set<String> GRAMMAR = grammarWords();
  /** Words of the grammar that are not misspellings of one another ("cuanto" is not "cuantos"). */
  private static final Set<String> KNOWN = known();

  private static Set<String> known() {
    Set<String> all = new java.util.HashSet<>(STOP);
    for (Set<String> s : List.of(Lexicon.AMOUNT, Lexicon.WHICH, Lexicon.GROUP, Lexicon.HIGH, Lexicon.LOW, Lexicon.BOTTOM,
        Lexicon.GRAINS.keySet(), Lexicon.GRAIN_ADJECTIVES.keySet())) {
      all.addAll(s);
    }
    return Set.copyOf(all);
  }

  private static Set<String> grammarWords() {
    Set<String> all = new java.util.HashSet<>(Lexicon.AGGREGATIONS.keySet());
    for (Set<String> s : List.of(Lexicon.COUNT, Lexicon.SHARE, Lexicon.CHANGE, Lexicon.EXCLUDE, Lexicon.TOP, Lexicon.GT,
        Lexicon.LT, Set.of(Lexicon.MONTHS))) {
      all.addAll(s);
    }
    all.removeIf(w -> w.length() < 5);
    return Set.copyOf(all);
  }
}
