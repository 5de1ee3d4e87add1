package io.datagent.app.catalog;

import java.util.List;

/**
 * A table analysts can query, with its description (the table comment) and documented columns.
 *
 * @param name     the table name inside the serving schema, e.g. {@code cammesa_res}
 * @param fullName how SQL names it, e.g. {@code serving.cammesa_res} or {@code main.serving.cammesa_res}
 */
public record TableInfo(String name, String fullName, String description, List<ColumnInfo> columns) {

  public TableInfo {
    columns = columns == null ? List.of() : List.copyOf(columns);
  }
}
