package io.datagent.agent.semantic;

import io.datagent.semantic.Dimension;
import io.datagent.semantic.SemanticModel;
import java.util.List;
import java.util.Set;

/** Where a name stands in the question: after a grouping, exclusion, "qué/cuál", a count word or a top-k number. */
final class Roles {

  enum Context { GROUP, EXCLUDE, WHICH, COUNT, NONE }

  private static final Set<String> FILLER = Set.of("el", "la", "los", "las", "de", "del", "un", "una", "al", "a", "en",
      "contar", "incluir", "considerar", "ni", "y", "para", "que", "sea", "sean", "fue", "es", "era", "fueron", "son",
      "tuvo", "tiene", "hubo", "esta", "estan", "estaban", "estuvieron", "pertenece", "pertenecen");

  private Roles() {}

  static Context context(List<Token> t, Slots s, int start, int excludedUntil) {
    int i = start - 1;
    while (i >= 0) {
      if (i == s.kIndex) {
        return Context.WHICH;
      }
      if (isMarker(s, i) || !FILLER.contains(t.get(i).folded()) && !categoryNoun(t, i, start)) {
        break;
      }
      i--;
    }
    if (i < 0) {
      return Context.NONE;
    }
    if (s.excludeMarkers.contains(i) || i == excludedUntil) {
      return Context.EXCLUDE;
    }
    if (s.groupMarkers.contains(i)) {
      return Context.GROUP;
    }
    if (s.which.contains(i) || t.get(i).is("top", "primeros", "primeras", "principales", "ultimos", "ultimas")) {
      return Context.WHICH;
    }
    if (s.counts.contains(i) || t.get(i).is("mas", "menos")) { // "la región con más centrales" counts them
      return Context.COUNT;
    }
    return Context.NONE;
  }

  /** "fuera de la provincia de Buenos Aires": a noun between an article and "de" that names the kind of what follows. */
  private static boolean categoryNoun(List<Token> t, int i, int start) {
    return i > 0 && i + 1 < start && t.get(i - 1).is("la", "el", "los", "las") && t.get(i + 1).is("de", "del")
        && !t.get(i).numeric();
  }

  private static boolean containsAny(String s, String... parts) {
    for (String p : parts) {
      if (s.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMarker(Slots s, int i) {
    return s.excludeMarkers.contains(i) || s.groupMarkers.contains(i) || s.which.contains(i) || s.counts.contains(i);
  }

  /** The date dimension times refer to: one named like a date or day first, then any date, then month labels. */
  static Dimension primaryTime(SemanticModel m) {
    Dimension best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Dimension d : m.temporal()) {
      String n = Text.fold(d.name() + " " + d.displayName());
      int rank = d.kind() != Dimension.Kind.DATE ? 3 : containsAny(n, "fecha", "date", "dia") ? 0
          : containsAny(n, "mes", "periodo", "ano", "anio") ? 2 : 1;
      if (rank < bestRank) {
        best = d;
        bestRank = rank;
      }
    }
    return best != null && best.kind() == Dimension.Kind.DATE ? best : null;
  }
}
