package io.datagent.agent.semantic;

import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SemanticModel;
import io.datagent.semantic.SqlName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spanish text of answers about a column or a table. Everything shown comes from the table: the column's
 * description (its comment), unit, original header, code meanings, type and values are quoted as the model and
 * the catalog hold them («…»), and the table is named as the source; what the table does not document is said to
 * be missing, never made up.
 */
final class ColumnCard {

  /** A column one of several tables could mean. */
  record Candidate(ModelIndex index, Mention column) {}

  private static final int EXAMPLES = 3;

  private ColumnCard() {}

  static String column(ColumnQuestion q, ModelIndex index, Mention m, Mention code, ColumnInfo info) {
    SemanticModel model = index.model();
    Measure x = m.measure();
    Dimension d = m.dimension();
    String display = x != null ? x.displayName() : d.displayName();
    String column = x != null ? x.column() : d.column();
    String comment = x != null ? x.comment() : d.comment();
    String unit = x != null ? x.unit() : null;
    String name = "**" + display + "** (columna `" + column + "` de la tabla " + model.source() + ")";
    StringBuilder sb = new StringBuilder();
    if (code != null) {
      String meaning = d.codes().get(code.value());
      sb.append(meaning != null ? "En " + name + ", el código «" + code.value() + "» significa «" + meaning + "»."
          : "El valor «" + code.value() + "» aparece en " + name + ", pero la tabla no explica qué significa "
              + "(no tiene diccionario de códigos para esa columna).");
    } else {
      sb.append(switch (q.asked()) {
        case UNIT -> unit != null ? name + " está en **" + unit + "**."
            : name + ": la tabla no indica en qué unidad está" + (x == null ? " (no es una cifra que se sume o promedie)." : ".");
        case SOURCE -> name + " sale de la tabla " + model.source() + (model.comment() == null || model.comment().isBlank()
            ? ", que no documenta de dónde provienen sus datos." : "; la tabla lo documenta así: «" + model.comment().strip() + "».");
        default -> name + " es " + (x != null ? "una cifra" + (unit != null ? " en **" + unit + "**" : "") : kind(d)) + "."
            + (described(comment, display, d, x) ? " Descripción: «" + comment.strip() + "»."
                : " La tabla no la describe más allá de su nombre.");
      });
    }
    sb.append("\n");
    header(x != null ? x.synonyms() : d.synonyms(), display, column).ifPresent(h -> sb.append("\n- Encabezado original: «").append(h).append("»"));
    if (described(comment, display, d, x) && (q.asked() == ColumnQuestion.Asked.UNIT || q.asked() == ColumnQuestion.Asked.SOURCE
        || code != null)) {
      sb.append("\n- Descripción (comentario de la columna): «").append(comment.strip()).append("»");
    }
    if (x != null) {
      sb.append("\n- Unidad: ").append(unit == null ? "no indicada en la tabla" : unit)
          .append("\n- Es una cifra; por defecto se resume con su ").append(x.aggregation().spanish());
    } else if (q.asked() == ColumnQuestion.Asked.UNIT || q.asked() == ColumnQuestion.Asked.SOURCE || code != null) {
      sb.append("\n- Es ").append(kind(d));
    }
    if (info != null) {
      sb.append("\n- Tipo de dato: `").append(info.type()).append('`');
    }
    if (d != null && !d.codes().isEmpty()) {
      sb.append("\n- Códigos: ");
      List<String> codes = new ArrayList<>();
      d.codes().forEach((k, v) -> codes.add("«" + k + "» = «" + v + "»"));
      sb.append(String.join("; ", codes.subList(0, Math.min(20, codes.size())))).append(codes.size() > 20 ? "; …" : "");
    }
    List<String> examples = d != null && !d.values().isEmpty() ? d.values() : info == null ? List.of() : info.samples();
    if (!examples.isEmpty()) {
      sb.append("\n- Valores de ejemplo: «").append(String.join("», «", examples.subList(0, Math.min(EXAMPLES, examples.size()))))
          .append('»').append(d != null && d.values().size() > EXAMPLES ? " (" + d.values().size() + " valores distintos)" : "");
    }
    sb.append("\n- Fuente: tabla ").append(model.source());
    if (q.asked() != ColumnQuestion.Asked.SOURCE && model.comment() != null && !model.comment().isBlank()) {
      sb.append(" — «").append(model.comment().strip()).append('»');
    }
    return sb.toString();
  }

  /** About the table as a whole: its description, the units of its figures and its columns. */
  static String table(ColumnQuestion q, ModelIndex index) {
    SemanticModel m = index.model();
    StringBuilder sb = new StringBuilder("Sobre la tabla **").append(m.source()).append("**");
    sb.append(m.comment() == null || m.comment().isBlank() ? ": la tabla no trae una descripción."
        : ", su descripción dice: «" + m.comment().strip() + "».");
    Map<String, List<String>> byUnit = new LinkedHashMap<>();
    for (Measure x : m.measures()) {
      if (!x.rowCount()) {
        byUnit.computeIfAbsent(x.unit() == null ? "sin unidad indicada" : x.unit(), k -> new ArrayList<>()).add(x.displayName());
      }
    }
    if (!byUnit.isEmpty()) {
      sb.append("\n\nUnidad de sus cifras:");
      byUnit.forEach((unit, names) -> sb.append("\n- ").append(unit).append(": ").append(list(names)));
    }
    List<String> dims = m.dimensions().stream().map(Dimension::displayName).toList();
    if (!dims.isEmpty()) {
      sb.append("\n\nColumnas para agrupar o filtrar: ").append(list(dims));
    }
    sb.append("\n\nFuente: tabla ").append(m.source()).append('.');
    return sb.toString();
  }

  static String ambiguous(List<Candidate> candidates) {
    StringBuilder sb = new StringBuilder("La pregunta puede referirse a columnas de varias tablas:");
    for (Candidate c : candidates) {
      Mention m = c.column();
      String display = m.measure() != null ? m.measure().displayName() : m.dimension().displayName();
      String column = m.measure() != null ? m.measure().column() : m.dimension().column();
      sb.append("\n- **").append(display).append("** (columna `").append(column).append("` de ").append(c.index().model().source()).append(')');
    }
    return sb.append("\n\nNombre la tabla en la pregunta (por ejemplo, «… de la tabla ")
        .append(candidates.get(0).index().model().source().replaceFirst("^[^.]*\\.", "")).append("»).").toString();
  }

  static String notFound(List<String> words, List<ModelIndex> indexes) {
    return "No encontré " + (words.isEmpty() ? "esa columna" : "la columna «" + String.join(" ", words) + "»")
        + " en ninguna tabla. Tablas consultadas: "
        + list(indexes.stream().map(i -> i.model().source()).toList()) + ". Escriba el nombre de la columna como aparece en la tabla.";
  }

  private static boolean described(String comment, String display, Dimension d, Measure x) {
    if (comment == null || comment.isBlank()) {
      return false;
    }
    List<String> names = x != null ? x.synonyms() : d.synonyms();
    String c = Text.fold(comment.strip());
    return !c.equals(Text.fold(display)) && names.stream().noneMatch(n -> Text.fold(n.strip()).equals(c));
  }

  /** The header as written in the file: a name among the synonyms that the column name was made from. */
  private static java.util.Optional<String> header(List<String> synonyms, String display, String column) {
    String plain = column.replace('_', ' ');
    return synonyms.stream().filter(s -> !s.equals(display) && !s.equals(plain) && SqlName.of(s).equals(column)).findFirst();
  }

  private static String kind(Dimension d) {
    return switch (d.kind()) {
      case DATE -> "una fecha (se puede agrupar por día, mes o año)";
      case MONTH_TEXT -> "un mes escrito como texto";
      case NUMBER -> "un número que identifica (no se suma)";
      case TEXT -> "un texto o código para agrupar y filtrar";
    };
  }

  private static String list(List<String> names) {
    return names.size() <= 8 ? String.join(", ", names) : String.join(", ", names.subList(0, 8)) + " y " + (names.size() - 8) + " más";
  }
}
