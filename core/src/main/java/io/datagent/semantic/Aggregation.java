package io.datagent.semantic;

import java.util.Locale;

/** How a measure aggregates its column, with its Spanish name for answers. */
public enum Aggregation {
  SUM("total"),
  AVG("promedio"),
  MIN("mínimo"),
  MAX("máximo"),
  COUNT("cantidad");

  private final String spanish;

  Aggregation(String spanish) {
    this.spanish = spanish;
  }

  /** The Spanish word for it ("total", "promedio"…). */
  public String spanish() {
    return spanish;
  }

  /** {@code SUM(col)}, {@code COUNT(1)} for a row count (null column). */
  public String sql(String columnExpr) {
    return name() + "(" + (columnExpr == null ? "1" : columnExpr) + ")";
  }

  public static Aggregation parse(String s) {
    return valueOf(s.strip().toUpperCase(Locale.ROOT));
  }
}
