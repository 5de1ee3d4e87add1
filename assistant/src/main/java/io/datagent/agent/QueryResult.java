package io.datagent.agent;

import java.util.List;

/**
 * Rows returned by one SQL statement. Values are Java values ({@code Long}, {@code BigDecimal}, {@code Double},
 * {@code Boolean}, {@code String}; dates and timestamps as ISO strings) or null.
 *
 * @param types the SQL type names, one per column ({@code BIGINT}, {@code DECIMAL(10,2)}, {@code STRING}…)
 * @param truncated true when more rows existed than were returned
 */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows, boolean truncated) {

  public QueryResult {
    columns = List.copyOf(columns);
    types = List.copyOf(types);
    rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
  }

  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
