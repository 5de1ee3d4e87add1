package io.datagent.platform.sql;

import java.util.List;

/**
 * The rows of a statement: values as the API gives them in {@code JSON_ARRAY} format (text, or null for SQL NULL),
 * and whether the row limit cut the result.
 */
public record StatementResult(String statementId, List<Column> columns, List<List<String>> rows, boolean truncated) {

  /** A result column: its name, type name ({@code INT}, {@code DECIMAL}…) and full type text. */
  public record Column(String name, String typeName, String typeText) {}

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** The position of a column, or an error naming the columns there are. */
  public int column(String name) {
    List<String> names = columnNames();
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalStateException("the result has no column " + name + " (it has " + names + ")");
    }
    return i;
  }
}
