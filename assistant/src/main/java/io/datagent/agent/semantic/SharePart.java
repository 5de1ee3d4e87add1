package io.datagent.agent.semantic;

import java.util.List;
import java.util.Set;

/**
 * Which filter of a share question is the part: the value named after "lo fueron / son / corresponden a / representan"
 * ("¿qué porcentaje de las disoluciones en Madrid lo fueron por fusión?"), else the one named before "sobre / respecto
 * de" ("qué porcentaje representan las de fusión sobre el total de Madrid"), else the last value named; the other
 * filters make the whole.
 */
final class SharePart {

  private static final Set<String> PART_VERBS = Set.of("fueron", "fue", "son", "es", "eran", "era", "corresponden",
      "corresponde", "correspondieron", "representan", "representa", "representaron", "supone", "suponen", "estan", "esta", "estaban");
  private static final Set<String> WHOLE_MARKERS = Set.of("sobre", "respecto");

  private SharePart() {}

  /** The index in {@code filters} of the part (a non-negated filter on values), or -1 when there is none. */
  static int pick(List<Plan.Filter> filters, List<Token> t) {
    int share = first(t, 0, Lexicon.SHARE);
    int verb = share < 0 ? -1 : first(t, share + 1, PART_VERBS);
    int whole = first(t, Math.max(share, 0), WHOLE_MARKERS);
    int last = -1;
    int afterVerb = -1;
    int beforeWhole = -1;
    for (int i = 0; i < filters.size(); i++) {
      Plan.Filter f = filters.get(i);
      if (f.dimension() == null || f.negated()) {
        continue;
      }
      last = i;
      int at = position(f, t);
      if (verb >= 0 && at > verb && (whole < 0 || whole < verb || at < whole)) {
        afterVerb = i;
      } else if (whole >= 0 && at >= 0 && at < whole && at > share) {
        beforeWhole = i;
      }
    }
    return afterVerb >= 0 ? afterVerb : beforeWhole >= 0 ? beforeWhole : last;
  }

  private static int first(List<Token> t, int from, Set<String> words) {
    for (int i = from; i < t.size(); i++) {
      if (words.contains(t.get(i).folded())) {
        return i;
      }
    }
    return -1;
  }

  /** Where the question names one of the filter's values (the last word of the question that is one of its words), or -1. */
  private static int position(Plan.Filter f, List<Token> t) {
    int at = -1;
    boolean parts = f.values().stream().anyMatch(v -> !Totals.isTotal(v));
    for (String v : f.values()) {
      if (parts && Totals.isTotal(v)) {
        continue; // "sobre el total de Sevilla": the word "total", not this value
      }
      List<String> words = ModelIndex.words(v);
      for (Token w : t) {
        if (words.stream().anyMatch(x -> Text.same(x, w.stem()))) {
          at = Math.max(at, w.index());
        }
      }
    }
    return at;
  }
}
