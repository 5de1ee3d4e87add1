package io.datagent.spark;

/** Literal quoting for Spark SQL strings. */
public final class Sql {

  private Sql() {}

  /** A single-quoted Spark SQL string literal with backslashes and quotes escaped. */
  public static String literal(String value) {
    if (value == null) {
      return "NULL";
    }
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
