package io.datagent.agent.extractive;

import io.datagent.agent.QueryResult;
import io.datagent.agent.SourceRef;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.tool.ResultText;
import io.datagent.retrieval.Hit;
import java.util.ArrayList;
import java.util.List;

/** The Spanish text of an extractive answer: labelled, values quoted verbatim with their file and row. */
final class ExtractiveText {

  static final String LABEL = "**Respuesta extractiva (sin modelo de lenguaje):** ";

  private final StringBuilder sb = new StringBuilder();

  ExtractiveText(String intro) {
    sb.append(LABEL).append(intro).append("\n");
  }

  ExtractiveText rows(String heading, QueryResult r, TableDescription d, int max) {
    sb.append("\n**").append(heading).append("**\n");
    int file = r.columnIndex("_source_file");
    int row = r.columnIndex("_source_row");
    int n = 0;
    for (List<Object> values : r.rows()) {
      if (n++ == max) {
        sb.append("- … (").append(r.rows().size() - max).append(" filas más en el resultado)\n");
        break;
      }
      sb.append(n).append(". ");
      if (file >= 0 && row >= 0) {
        sb.append("Archivo ").append(values.get(file)).append(", fila ").append(values.get(row)).append(": ");
      }
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.columns().size(); i++) {
        if (!r.columns().get(i).startsWith("_")) {
          cells.add(r.columns().get(i) + " = " + ResultText.value(values.get(i)));
        }
      }
      sb.append(String.join("; ", cells)).append('\n');
    }
    if (d != null) {
      legend(d, r.columns());
    }
    return this;
  }

  private void legend(TableDescription d, List<String> shown) {
    List<String> parts = new ArrayList<>();
    for (ColumnInfo c : d.columns()) {
      if (shown.contains(c.name()) && c.comment() != null && !c.comment().isBlank() && !c.lineage()) {
        parts.add(c.name() + ": " + c.comment().strip());
      }
    }
    if (!parts.isEmpty()) {
      sb.append("\nDescripción de las columnas (según la tabla ").append(d.table().qualified()).append("): ")
          .append(String.join(" · ", parts)).append('\n');
    }
  }

  ExtractiveText passages(List<Hit> hits) {
    if (hits.isEmpty()) {
      return this;
    }
    sb.append("\n**Textos que coinciden**\n");
    for (Hit h : hits) {
      sb.append("- «").append(shorten(h.text(), 400)).append("» (").append(where(h)).append(")\n");
    }
    return this;
  }

  ExtractiveText table(TableDescription d) {
    sb.append("\n**Tabla consultada:** ").append(d.table().qualified());
    if (d.table().comment() != null && !d.table().comment().isBlank()) {
      sb.append(" — ").append(shorten(d.table().comment(), 300));
    }
    sb.append('\n');
    return this;
  }

  ExtractiveText line(String text) {
    sb.append('\n').append(text).append('\n');
    return this;
  }

  ExtractiveText sql(List<String> statements) {
    if (!statements.isEmpty()) {
      sb.append("\n**SQL para repetir la consulta:**\n");
      for (String s : statements) {
        sb.append("```sql\n").append(s).append("\n```\n");
      }
    }
    return this;
  }

  ExtractiveText sources(List<SourceRef> sources) {
    List<String> lines = new ArrayList<>();
    for (SourceRef s : sources) {
      if (s.kind().equals("row") || s.kind().equals("passage")) {
        lines.add("- " + s.table() + (s.sourceFile() == null ? "" : ", archivo " + s.sourceFile())
            + (s.sourceRow() == null ? "" : ", fila " + s.sourceRow()));
      } else if (s.kind().equals("table")) {
        lines.add("- tabla " + s.table());
      }
    }
    if (!lines.isEmpty()) {
      sb.append("\nFuentes:\n").append(String.join("\n", lines.stream().distinct().limit(12).toList())).append('\n');
    }
    return this;
  }

  static String where(Hit h) {
    return h.table() + (h.sourceFile() == null ? "" : ", archivo " + h.sourceFile())
        + (h.sourceRow() == null ? "" : ", fila " + h.sourceRow());
  }

  static String shorten(String s, int max) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }

  @Override
  public String toString() {
    return sb.toString().strip();
  }
}
