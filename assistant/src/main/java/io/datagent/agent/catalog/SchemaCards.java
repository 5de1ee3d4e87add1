package io.datagent.agent.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders compact schema cards: what a model needs to write SQL over a table (qualified name, comment, each
 * column's type, description and a few values) in as few tokens as possible. Lineage columns go on one line.
 */
public final class SchemaCards {

  static final int MAX_COLUMNS = 40;
  static final int MAX_COMMENT = 110;
  static final int MAX_TABLE_COMMENT = 300;
  static final int MAX_SAMPLE = 30;

  private SchemaCards() {}

  public static String card(TableDescription d) {
    StringBuilder sb = new StringBuilder();
    sb.append("### ").append(d.table().qualified()).append('\n');
    String comment = shorten(d.table().comment(), MAX_TABLE_COMMENT);
    if (!comment.isEmpty()) {
      sb.append(comment).append('\n');
    }
    List<ColumnInfo> data = d.columns().stream().filter(c -> !c.lineage()).toList();
    int shown = 0;
    for (ColumnInfo c : data) {
      if (shown++ == MAX_COLUMNS) {
        sb.append("- … y ").append(data.size() - MAX_COLUMNS).append(" columnas más (use describe_table)\n");
        break;
      }
      sb.append("- ").append(c.name()).append(' ').append(c.type());
      String desc = shorten(c.comment(), MAX_COMMENT);
      if (!desc.isEmpty() && !desc.equalsIgnoreCase(c.name())) {
        sb.append(": ").append(desc);
      }
      if (!c.samples().isEmpty()) {
        sb.append(" (ej.: ").append(c.samples().stream().limit(3).map(v -> shorten(v, MAX_SAMPLE))
            .collect(Collectors.joining(" | "))).append(')');
      }
      sb.append('\n');
    }
    List<String> lineage = d.columns().stream().filter(ColumnInfo::lineage).map(ColumnInfo::name).toList();
    if (!lineage.isEmpty()) {
      sb.append("- linaje: ").append(String.join(", ", lineage)).append(" (archivo y fila de origen)\n");
    }
    return sb.toString();
  }

  /** One line per table: {@code schema.table — comment}. */
  public static String line(TableInfo t, int maxComment) {
    String c = shorten(t.comment(), maxComment);
    return c.isEmpty() ? t.qualified() : t.qualified() + " — " + c;
  }

  static String shorten(String s, int max) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
