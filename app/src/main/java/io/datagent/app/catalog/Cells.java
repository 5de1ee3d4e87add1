package io.datagent.app.catalog;

/** Cells of a SQL result row (whatever type the executor gave them) read as text or as a whole number. */
public final class Cells {

  private Cells() {}

  public static String str(Object o) {
    return o == null ? null : o.toString();
  }

  /** A whole number, or 0 for null or a cell that is not one. */
  public static long num(Object o) {
    if (o instanceof Number n) {
      return n.longValue();
    }
    try {
      return o == null ? 0 : Long.parseLong(o.toString().strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
