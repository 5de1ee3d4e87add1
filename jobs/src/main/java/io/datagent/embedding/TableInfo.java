package io.datagent.embedding;

import java.util.List;

/**
 * What a table card says about a serving table.
 *
 * @param name    table name (without schema)
 * @param comment the table comment (title and notes from the source), or null
 * @param rows    number of rows
 * @param files   the source files of its rows (a few)
 * @param columns the data columns (lineage columns excluded)
 */
public record TableInfo(String name, String comment, long rows, List<String> files, List<Column> columns) {

  /**
   * @param examples a few frequent values, or the range ({@code de X a Y}) for numbers and dates
   */
  public record Column(String name, String type, String description, String examples) {}
}
