package io.datagent.agent.catalog;

import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a table's schema card from its semantic model: what one row is, each measure with its unit and
 * aggregation, each dimension with its grains or a few values of its value index, and the Spanish synonyms a
 * question may use; columns the model does not cover keep the bare line of {@link SchemaCards}.
 *
 * <p>{@link #cards} gives the card richest first (with value examples), then without them: a prompt over budget
 * takes the leaner one before dropping the table.
 */
public final class SemanticCards {

  static final int MAX_VALUES = 4;
  static final int MAX_SYNONYMS = 2;

  private SemanticCards() {}

  /** The card with value examples, then without them, then without synonyms either. */
  public static List<String> cards(TableDescription d, SemanticModel m) {
    return List.of(card(d, m, true, true), card(d, m, false, true), card(d, m, false, false));
  }

  static String card(TableDescription d, SemanticModel m, boolean examples, boolean withSynonyms) {
    StringBuilder sb = new StringBuilder("### ").append(d.table().qualified()).append('\n');
    String comment = SchemaCards.shorten(d.table().comment(), SchemaCards.MAX_TABLE_COMMENT);
    if (!comment.isEmpty()) {
      sb.append(comment).append('\n');
    }
    sb.append("Filas: ").append(m.rowNoun()).append(" (COUNT(*) = cantidad de ").append(m.rowNoun()).append(")\n");
    Set<String> covered = new HashSet<>();
    List<String> measures = new ArrayList<>();
    for (Measure x : m.measures()) {
      if (x.rowCount()) {
        continue;
      }
      covered.add(x.column().toLowerCase(Locale.ROOT));
      measures.add("- " + x.column() + type(d, x.column()) + ": «" + x.displayName() + "»"
          + (x.unit() == null ? "" : ", unidad " + x.unit()) + ", agregación " + agg(x.aggregation())
          + (withSynonyms ? synonyms(x.synonyms(), x.displayName(), x.column()) : ""));
    }
    if (!measures.isEmpty()) {
      sb.append("Medidas:\n").append(String.join("\n", measures)).append('\n');
    }
    List<String> dims = new ArrayList<>();
    for (Dimension x : m.dimensions()) {
      covered.add(x.column().toLowerCase(Locale.ROOT));
      StringBuilder line = new StringBuilder("- ").append(x.column()).append(type(d, x.column())).append(": «")
          .append(x.displayName()).append('»');
      if (x.temporal()) {
        line.append(x.kind() == Dimension.Kind.DATE ? ", fecha (granos: día, mes, año)" : ", mes como texto");
      }
      if (withSynonyms) {
        line.append(synonyms(x.synonyms(), x.displayName(), x.column()));
      }
      if (!x.codes().isEmpty()) {
        line.append("; códigos: ").append(x.codes().entrySet().stream().limit(MAX_VALUES)
            .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")));
      } else if (examples && !x.values().isEmpty()) {
        line.append("; valores (").append(x.values().size()).append("): ").append(x.values().stream().limit(MAX_VALUES)
            .map(v -> SchemaCards.shorten(v, SchemaCards.MAX_SAMPLE)).collect(Collectors.joining(" | ")))
            .append(x.values().size() > MAX_VALUES ? " | …" : "");
      }
      dims.add(line.toString());
    }
    if (!dims.isEmpty()) {
      sb.append("Dimensiones:\n").append(String.join("\n", dims)).append('\n');
    }
    List<ColumnInfo> rest = d.columns().stream().filter(c -> !c.lineage() && !covered.contains(c.name().toLowerCase(Locale.ROOT)))
        .limit(SchemaCards.MAX_COLUMNS).toList();
    if (!rest.isEmpty()) {
      sb.append("Otras columnas: ").append(rest.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "))).append('\n');
    }
    List<String> lineage = d.columns().stream().filter(ColumnInfo::lineage).map(ColumnInfo::name).toList();
    if (!lineage.isEmpty()) {
      sb.append("- linaje: ").append(String.join(", ", lineage)).append(" (archivo y fila de origen)\n");
    }
    return sb.toString();
  }

  private static String type(TableDescription d, String column) {
    return d.columns().stream().filter(c -> c.name().equalsIgnoreCase(column)).findFirst().map(c -> " " + c.type()).orElse("");
  }

  private static String agg(Aggregation a) {
    return a.spanish() + " (" + a.name() + ")";
  }

  /** Synonyms other than the display name and the column's own words (the model sees both already). */
  private static String synonyms(List<String> synonyms, String display, String column) {
    String bare = display.replaceAll("\\s*[\\[(].*$", "").strip();
    String words = column == null ? "" : column.replace('_', ' ');
    List<String> s = synonyms.stream().filter(x -> !x.equalsIgnoreCase(display) && !x.equalsIgnoreCase(bare)
            && !x.equalsIgnoreCase(words)).map(x -> SchemaCards.shorten(x, 40))
        .distinct().limit(MAX_SYNONYMS).toList();
    return s.isEmpty() ? "" : "; sinónimos: " + String.join(", ", s);
  }
}
