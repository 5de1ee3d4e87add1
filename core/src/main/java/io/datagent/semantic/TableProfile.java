package io.datagent.semantic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SemanticModels#derive} needs to know about a table: its columns (name, SQL type, comment, original
 * header), its row count and, for low-cardinality text columns, their distinct values with counts. Both the
 * ingestion job (which has the file) and the App (which has the catalog and SQL) can fill it.
 *
 * @param table the qualified table name ({@code schema.table}), the metric view's source
 * @param comment the table comment (titles and notes of the source file), or null
 * @param sourceFile the file the table was loaded from (e.g. {@code PotenciaInstalada.csv}), or null
 * @param rowCount rows in the table, or -1 when unknown
 */
public record TableProfile(String table, String comment, String sourceFile, long rowCount, List<Column> columns) {

  public TableProfile {
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  /**
   * One column.
   *
   * @param type the SQL type as the engine names it ({@code DECIMAL(38,3)}, {@code date}, {@code string}…)
   * @param comment the column comment (its description), or null
   * @param header the header as it was in the source file ({@code POTENCIA INSTALADA [MW]}), or null
   * @param distinctCount distinct non-null values, or -1 when unknown
   * @param values distinct values with their row counts, for low-cardinality text columns (else empty)
   * @param codes code meanings from a companion dictionary ({@code I → Izquierdo}), or empty
   */
  public record Column(String name, String type, String comment, String header, long distinctCount,
      Map<String, Long> values, Map<String, String> codes) {

    public Column {
      values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      codes = codes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /** A column known only by name, type and comment (no header, counts or values). */
    public static Column of(String name, String type, String comment) {
      return new Column(name, type, comment, null, -1, Map.of(), Map.of());
    }

    /** Ingestion lineage columns ({@code _source_file}, {@code _source_row}…) are never measures or dimensions. */
    public boolean lineage() {
      return name.startsWith("_");
    }
  }
}
