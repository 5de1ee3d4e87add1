package io.datagent.agent.semantic;

import io.datagent.semantic.Aggregation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The grammar words of a question, found by position before names are matched: aggregations, "cuántos", grouping
 * and exclusion markers, superlatives and top-k, shares, changes, comparisons with numbers and the arithmetic the
 * user states. Tokens used here are not matched as names.
 */
final class Slots {

  /** An aggregation word at a position ("promedio", "la más alta"). */
  record Agg(int index, Aggregation aggregation) {}

  /** A comparison with a number: op one of > >= < <= = between; {@code unit} is the word after the number, if any. */
  record Compare(int start, int end, String op, double number, Double number2, String unit) {}

  final List<Agg> aggregations = new ArrayList<>();
  final List<Integer> counts = new ArrayList<>();
  final List<Integer> groupMarkers = new ArrayList<>();
  final List<Integer> excludeMarkers = new ArrayList<>();
  /** Verbs that only link an exclusion to what it excludes ("que no sean de…"). */
  private static final String[] LINKS = {"esta", "estan", "estaban", "estuvieron", "son", "es", "sean", "sea",
      "pertenecen", "pertenece"};
  final List<Integer> which = new ArrayList<>();
  final List<Compare> comparisons = new ArrayList<>();
  final Set<Integer> used = new HashSet<>();
  boolean amount;
  boolean share;
  boolean change;
  String grainAdjective;
  Integer k;
  int kIndex = -1;
  Boolean descending;
  Plan.Arithmetic arithmetic;

  static Slots read(List<Token> t, Set<Integer> timeTokens) {
    Slots s = new Slots();
    for (int i = 0; i < t.size(); i++) {
      if (timeTokens.contains(i)) {
        continue;
      }
      Token w = t.get(i);
      String f = w.folded();
      String next = i + 1 < t.size() ? t.get(i + 1).folded() : "";
      Token nextTok = i + 1 < t.size() ? t.get(i + 1) : null;
      if (Lexicon.AGGREGATIONS.containsKey(f)) {
        Aggregation a = Lexicon.AGGREGATIONS.get(f);
        s.aggregations.add(new Agg(i, a));
        if (a == Aggregation.MAX || a == Aggregation.MIN) {
          s.descending = s.descending == null ? a == Aggregation.MAX : s.descending;
        }
      } else if ((f.equals("mas") || f.equals("menos")) && (Lexicon.HIGH.contains(next) || Lexicon.LOW.contains(next))) {
        boolean high = f.equals("mas") == Lexicon.HIGH.contains(next);
        s.aggregations.add(new Agg(i, high ? Aggregation.MAX : Aggregation.MIN));
        s.descending = s.descending == null ? high : s.descending;
        s.used.add(i);
        s.used.add(i + 1);
      } else if ((f.equals("mas") || f.equals("menos")) && nextTok != null && !nextTok.numeric() && !next.equals("de")
          && !next.equals("que")) {
        // "la central con más potencia", "la provincia que menos consumió"; "todas menos Salta" excludes
        if (f.equals("menos") && !precededByWith(t, i)) {
          s.excludeMarkers.add(i);
        } else {
          s.descending = s.descending == null ? f.equals("mas") : s.descending;
        }
      }
      boolean sinContar = f.equals("contar") && i > 0 && t.get(i - 1).is("sin");
      if (Lexicon.COUNT.contains(f) && !sinContar && !(f.equals("numero") && nextTok != null && nextTok.numeric())) {
        s.counts.add(i);
      }
      if (Lexicon.AMOUNT.contains(f)) {
        s.amount = true;
      }
      if (Lexicon.GROUP.contains(f) && !(nextTok != null && nextTok.numeric()) && !next.equals("ciento")) {
        s.groupMarkers.add(i);
      }
      if (Lexicon.GRAIN_ADJECTIVES.containsKey(f)) {
        s.grainAdjective = Lexicon.GRAIN_ADJECTIVES.get(f);
        s.used.add(i);
      }
      if (Lexicon.WHICH.contains(f)) {
        s.which.add(i);
      }
      if (Lexicon.SHARE.contains(f) || (f.equals("%") && i > 0 && t.get(i - 1).is("que", "cual")) || sharedWithout(t, i)) {
        s.share = true;
        s.used.add(i);
      }
      if (Lexicon.CHANGE.contains(f)) {
        s.change = true;
      }
      if ((f.equals("excepto") || f.equals("salvo") || f.equals("exceptuando") || f.equals("excluyendo"))
          || (f.equals("sin") && (next.equals("contar") || next.equals("incluir") || next.equals("considerar")))
          || (f.equals("sin") && nextTok != null && !nextTok.numeric() && !next.equals("contar"))
          || (f.equals("no") && i > 0 && t.get(i - 1).is("que") && next.startsWith("se"))
          || (f.equals("no") && i > 0 && t.get(i - 1).is("que") && nextTok != null && nextTok.is(LINKS))
          || (f.equals("fuera") || f.equals("aparte")) && (next.equals("de") || next.equals("del"))
          || (f.equals("distinto") || f.equals("distintos") || f.equals("distinta") || f.equals("distintas"))) {
        s.excludeMarkers.add(i);
        if (f.equals("no") && nextTok != null && nextTok.is(LINKS)) {
          s.used.add(i + 1); // "que no están en Acera", "que no sean de gasolina": the verb only links the exclusion
        }
      }
      if (f.equals("ni") && !s.excludeMarkers.isEmpty()) {
        s.used.add(i); // "que no sean de gasolina ni diésel", "sin contar Salta ni Jujuy": the list goes on
      }
      if (Lexicon.TOP.contains(f) || Lexicon.BOTTOM.contains(f)) {
        s.descending = s.descending == null ? Lexicon.TOP.contains(f) : s.descending;
        Integer n = nextTok == null ? null : Lexicon.count(nextTok);
        if (n != null) {
          s.k = n;
          s.kIndex = i + 1;
          s.used.add(i + 1);
        }
      }
      if ((f.equals("los") || f.equals("las")) && nextTok != null && Lexicon.count(nextTok) != null && s.k == null
          && !(nextTok.numeric() && nextTok.raw().length() == 4) && !timeTokens.contains(i + 1) && !isComparisonNumber(t, i + 1)
          && !(i > 0 && (Lexicon.GT.contains(t.get(i - 1).folded()) || Lexicon.LT.contains(t.get(i - 1).folded())))) {
        s.k = Lexicon.count(nextTok);
        s.kIndex = i + 1;
        s.used.add(i + 1);
      }
    }
    Comparisons.read(t, timeTokens, s);
    return s;
  }

  private static boolean precededByWith(List<Token> t, int i) {
    return i > 0 && t.get(i - 1).is("con", "que", "el", "la", "los", "las");
  }

  private static boolean isComparisonNumber(List<Token> t, int i) {
    return i + 1 < t.size() && t.get(i + 1).is("%", "°", "o");
  }

  /** The nearest aggregation word before {@code index} within {@code window} tokens, or null. */
  Aggregation aggregationBefore(int index, int window) {
    Aggregation best = null;
    for (Agg a : aggregations) {
      if (a.index() < index && index - a.index() <= window) {
        best = a.aggregation();
      }
    }
    return best;
  }

  /**
   * A share asked without the word "porcentaje": "¿qué parte de …?", or "qué / cuánto representan (suponen) … del
   * total" (the word "total" must follow, so that "cuánto representa el gas" stays an amount).
   */
  private static boolean sharedWithout(List<Token> t, int i) {
    Token w = t.get(i);
    if (i == 0 || !t.get(i - 1).is("que", "cual", "cuanto", "cuanta")) {
      return false;
    }
    if (w.is("parte") && t.get(i - 1).is("que", "cual")) {
      return true;
    }
    if (!w.is("representa", "representan", "supone", "suponen")) {
      return false;
    }
    for (int j = i + 1; j < t.size(); j++) {
      if (t.get(j).is("total") && t.get(j - 1).is("el", "del", "al")) {
        return true;
      }
    }
    return false;
  }
}
