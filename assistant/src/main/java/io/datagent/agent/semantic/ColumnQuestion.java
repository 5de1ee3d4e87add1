package io.datagent.agent.semantic;

import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "¿Qué significa TIPO_MAQUINA?", "¿qué es la columna región?": answered from the model alone (description, unit,
 * default aggregation, code meanings, a few values), with no SQL.
 */
final class ColumnQuestion {

  private static final Pattern ASKS = Pattern.compile("\\b(que (significa|significan|es|son|quiere decir|representa|"
      + "contiene|mide)|describ\\w*|explica\\w*|definicion|significado)\\b");
  private static final Set<String> NOT_COLUMNS = Set.of("tabla", "tablas", "dato", "datos");

  private ColumnQuestion() {}

  /** The answer text when the question asks what a column means, else empty. */
  static Optional<String> answer(String question, ModelIndex index) {
    String folded = io.datagent.semantic.Spanish.fold(question);
    if (!ASKS.matcher(folded).find() || NOT_COLUMNS.stream().anyMatch(w -> folded.matches(".*\\b" + w + "\\b.*")
        && !folded.contains("columna"))) {
      return Optional.empty();
    }
    List<Token> t = Text.tokens(question);
    List<Mention> found = MentionFinder.find(index, t, Set.of()).stream()
        .filter(m -> m.kind() != Mention.Kind.VALUE && m.full() && !(m.measure() != null && m.measure().rowCount())).toList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mention m = found.get(0);
    StringBuilder sb = new StringBuilder();
    if (m.measure() != null) {
      Measure x = m.measure();
      sb.append("**").append(x.displayName()).append("** (columna `").append(x.column()).append("` de ")
          .append(index.model().source()).append(") es una medida numérica");
      if (x.unit() != null) {
        sb.append(" en ").append(x.unit());
      }
      sb.append("; por defecto se resume con su ").append(x.aggregation().spanish()).append('.');
      if (x.comment() != null && !x.comment().equals(x.displayName())) {
        sb.append("\n\nDescripción: ").append(x.comment());
      }
    } else {
      Dimension d = m.dimension();
      sb.append("**").append(d.displayName()).append("** (columna `").append(d.column()).append("` de ")
          .append(index.model().source()).append(") es ").append(kind(d)).append('.');
      if (d.comment() != null && !d.comment().equals(d.displayName())) {
        sb.append("\n\nDescripción: ").append(d.comment());
      }
      if (!d.codes().isEmpty()) {
        sb.append("\n\nCódigos:");
        d.codes().forEach((k, v) -> sb.append("\n- ").append(k).append(" = ").append(v));
      }
      if (!d.values().isEmpty()) {
        sb.append("\n\nValores (").append(d.values().size()).append("): ")
            .append(String.join(", ", d.values().subList(0, Math.min(20, d.values().size()))))
            .append(d.values().size() > 20 ? ", …" : "").append('.');
      }
    }
    return Optional.of(sb.toString());
  }

  private static String kind(Dimension d) {
    return switch (d.kind()) {
      case DATE -> "una fecha (se puede agrupar por día, mes o año)";
      case MONTH_TEXT -> "un mes escrito como texto";
      case NUMBER -> "un número que identifica (no se suma)";
      case TEXT -> "un texto o código para agrupar y filtrar";
    };
  }
}
