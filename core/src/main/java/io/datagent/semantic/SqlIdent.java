package io.datagent.semantic;

/** Column names in expressions: plain when they are simple identifiers, else back-quoted. */
public final class SqlIdent {

  private SqlIdent() {}

  public static String quote(String column) {
    if (column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return column;
    }
    return "`" + column.replace("`", "``") + "`";
  }

  /** The column name of an expression that is just a (possibly back-quoted) column, or null. */
  public static String column(String expr) {
    String e = expr == null ? "" : expr.strip();
    if (e.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return e;
    }
    if (e.length() > 2 && e.startsWith("`") && e.endsWith("`")) {
      return e.substring(1, e.length() - 1).replace("``", "`");
    }
    return null;
  }
}
