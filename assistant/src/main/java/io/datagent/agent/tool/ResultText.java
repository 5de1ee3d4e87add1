package io.datagent.agent.tool;

import io.datagent.agent.QueryResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Renders rows as compact text for a model or a terminal: a header line, then one line per row, bounded in size. */
public final class ResultText {

  private ResultText() {}

  public static String format(QueryResult r, int maxRows, int maxChars) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(" | ", r.columns())).append('\n');
    int shown = 0;
    for (List<Object> row : r.rows()) {
      if (shown == maxRows || sb.length() > maxChars) {
        sb.append("… (").append(r.rows().size() - shown).append(" filas más no mostradas)\n");
        break;
      }
      sb.append(row(row)).append('\n');
      shown++;
    }
    sb.append(r.rows().size()).append(r.rows().size() == 1 ? " fila" : " filas");
    if (r.truncated()) {
      sb.append(" (resultado truncado por el límite de filas)");
    }
    return sb.toString();
  }

  public static String row(List<Object> row) {
    return row.stream().map(ResultText::value).collect(Collectors.joining(" | "));
  }

  public static String value(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    String s = String.valueOf(v).replace('\n', ' ');
    return s.length() > 200 ? s.substring(0, 199) + "…" : s;
  }
}
