package io.datagent.agent.catalog;

import java.util.List;

/** A table with its columns, as {@link TableCatalog#describe} gives it. */
public record TableDescription(TableInfo table, List<ColumnInfo> columns) {

  public TableDescription {
    columns = List.copyOf(columns);
  }

  public boolean hasColumn(String name) {
    return columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(name));
  }
}
