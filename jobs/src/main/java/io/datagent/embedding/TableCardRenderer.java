package io.datagent.embedding;

import java.util.Locale;

/**
 * The table card: the one document per table the agent reads to pick tables. Compact: the comment, the size and
 * files, then one line per column with its Spanish type, description and examples. Long cards are cut at
 * {@link #MAX_CHARS} with a note of how many columns were left out.
 */
public final class TableCardRenderer {

  public static final int MAX_CHARS = 6_000;
  static final int MAX_DESCRIPTION = 160;

  private TableCardRenderer() {}

  public static String render(TableInfo t) {
    StringBuilder sb = new StringBuilder();
    sb.append("Tabla ").append(t.name());
    String comment = t.comment() == null ? "" : Texts.clean(t.comment());
    if (!comment.isEmpty()) {
      sb.append(": ").append(Texts.abbreviate(comment, 600));
    }
    sb.append(". ").append(t.rows() == 0 ? "Tabla vacía (0 filas)" : String.format(Locale.ROOT, "%,d filas", t.rows()).replace(',', '.'));
    if (!t.files().isEmpty()) {
      sb.append("; archivo").append(t.files().size() > 1 ? "s " : " ").append(String.join(", ", t.files()));
    }
    sb.append(".\nColumnas:");
    int written = 0;
    for (TableInfo.Column c : t.columns()) {
      StringBuilder line = new StringBuilder("\n- ").append(c.name()).append(" (").append(spanishType(c.type())).append(")");
      String d = c.description() == null ? "" : Texts.clean(c.description());
      if (!d.isEmpty() && !d.equalsIgnoreCase(c.name())) {
        line.append(": ").append(Texts.abbreviate(d, MAX_DESCRIPTION));
      }
      if (c.examples() != null && !c.examples().isEmpty()) {
        line.append(". ").append(c.examples());
      }
      if (sb.length() + line.length() > MAX_CHARS - 60) {
        sb.append("\n(y ").append(t.columns().size() - written).append(" columnas más)");
        break;
      }
      sb.append(line);
      written++;
    }
    return sb.toString();
  }

  static String spanishType(String sparkType) {
    String t = sparkType.toLowerCase(Locale.ROOT);
    if (t.startsWith("decimal") || t.equals("double") || t.equals("float")) {
      return "número decimal";
    }
    if (t.equals("bigint") || t.equals("int") || t.equals("smallint") || t.equals("tinyint") || t.equals("long") || t.equals("integer")) {
      return "número entero";
    }
    if (t.equals("date")) {
      return "fecha";
    }
    if (t.startsWith("timestamp")) {
      return "fecha y hora";
    }
    if (t.equals("boolean")) {
      return "sí/no";
    }
    return t.equals("string") ? "texto" : t;
  }
}
