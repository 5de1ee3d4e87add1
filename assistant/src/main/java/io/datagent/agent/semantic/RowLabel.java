package io.datagent.agent.semantic;

import io.datagent.semantic.Dimension;
import io.datagent.semantic.SemanticModel;
import java.util.List;
import java.util.Set;

/**
 * "¿Qué terraza tiene la mayor superficie?": the question names what a row is after "qué/cuál" and ranks by a
 * measure, so the answer is the row's name (the table's name-like text column), not the bare maximum.
 */
final class RowLabel {

  /** Words of a column name that say it holds each row's name. */
  private static final Set<String> NAME_WORDS = Set.of("nombre", "nom", "rotulo", "denominacion", "titulo", "razon",
      "designacion", "name", "label", "etiqueta", "apellido", "apellidos");

  private RowLabel() {}

  /** Whether the row noun (the row-count measure) is named right after "qué/cuál" and the question ranks. */
  static boolean asked(List<Mention> countTargets, List<Token> t, Slots s) {
    return s.descending != null && countTargets.stream().anyMatch(x -> x.kind() == Mention.Kind.MEASURE
        && x.measure().rowCount() && Roles.context(t, s, x.start(), -2) == Roles.Context.WHICH);
  }

  /**
   * The column naming each row: a text column named like a name ({@code rotulo}, {@code nombre_presa}), those that
   * also say the row noun first; else one named exactly as the row noun; of those, the one with most distinct values
   * (an unindexed column has more than the index keeps); null when none does.
   */
  static Dimension of(SemanticModel m) {
    String noun = Text.stem(Text.fold(m.rowNoun()));
    Dimension best = null;
    int bestRank = 0;
    for (Dimension d : m.dimensions()) {
      if (d.kind() != Dimension.Kind.TEXT) {
        continue;
      }
      List<String> words = List.of(Text.fold(d.column()).split("[_\\s]+"));
      boolean named = words.stream().anyMatch(NAME_WORDS::contains);
      boolean nounWord = words.stream().anyMatch(w -> Text.stem(w).equals(noun));
      int rank = named && nounWord ? 3 : named ? 2 : words.size() == 1 && nounWord ? 1 : 0;
      // names are many: a column of a few repeated values (an address's "NUM" / "KM") names no row
      int many = d.values().isEmpty() ? 2 : d.values().size() >= 20 ? 1 : 0;
      rank = rank == 0 ? 0 : rank + 10 * many;
      if (rank > bestRank) {
        best = d;
        bestRank = rank;
      }
    }
    return best;
  }
}
