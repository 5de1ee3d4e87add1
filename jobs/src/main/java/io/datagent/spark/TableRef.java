package io.datagent.spark;

import java.util.Objects;

/**
 * A table name in the catalog: {@code catalog.schema.table} on Unity Catalog, {@code schema.table} locally.
 *
 * <p>{@link #sql()} quotes every part with backticks so names that need quoting (none should, after naming rules,
 * but catalogs chosen by users may) are always safe to paste into Spark SQL.
 */
public record TableRef(String catalog, String schema, String table) {

  public TableRef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    if (catalog != null && catalog.isBlank()) {
      catalog = null;
    }
  }

  public static TableRef of(String catalog, String schema, String table) {
    return new TableRef(catalog, schema, table);
  }

  public String sql() {
    return (catalog == null ? "" : quote(catalog) + ".") + quote(schema) + "." + quote(table);
  }

  /** The schema part as SQL, e.g. {@code `main`.`raw`}. */
  public String schemaSql() {
    return (catalog == null ? "" : quote(catalog) + ".") + quote(schema);
  }

  public static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  public String toString() {
    return (catalog == null ? "" : catalog + ".") + schema + "." + table;
  }
}
