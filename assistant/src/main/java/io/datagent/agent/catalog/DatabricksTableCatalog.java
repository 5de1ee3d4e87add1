package io.datagent.agent.catalog;

import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Unity Catalog tables of the allowed schemas, read from {@code <catalog>.information_schema} through the SQL
 * warehouse ({@link SqlExecutor}, as the service principal), with sample values from {@code SELECT * ... LIMIT 5}.
 */
public final class DatabricksTableCatalog implements TableCatalog {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final SqlExecutor sql;
  private final String catalog;
  private final List<String> schemas;

  public DatabricksTableCatalog(SqlExecutor sql, String catalog, List<String> schemas) {
    this.sql = sql;
    this.catalog = checked(catalog);
    this.schemas = schemas.stream().map(DatabricksTableCatalog::checked).toList();
  }

  @Override
  public List<TableInfo> listTables() {
    String in = String.join(", ", schemas.stream().map(s -> "'" + s + "'").toList());
    QueryResult r = run("SELECT table_schema, table_name, comment FROM `" + catalog + "`.information_schema.tables"
        + " WHERE table_schema IN (" + in + ") ORDER BY table_schema, table_name", 5000);
    List<TableInfo> out = new ArrayList<>();
    for (List<Object> row : r.rows()) {
      if (TableCatalog.visible(str(row.get(1)))) {
        out.add(new TableInfo(str(row.get(0)), str(row.get(1)), str(row.get(2))));
      }
    }
    return out;
  }

  @Override
  public Optional<TableDescription> describe(String table) {
    return read(table, true);
  }

  @Override
  public Optional<TableDescription> outline(String table) {
    return read(table, false);
  }

  private Optional<TableDescription> read(String table, boolean withSamples) {
    String[] parts = table.toLowerCase(Locale.ROOT).split("\\.");
    String schema = parts.length >= 2 ? parts[parts.length - 2] : schemas.get(0);
    String name = parts[parts.length - 1];
    if (!NAME.matcher(name).matches() || !schemas.contains(schema)) {
      return Optional.empty();
    }
    QueryResult t = run("SELECT comment FROM `" + catalog + "`.information_schema.tables WHERE table_schema = '"
        + schema + "' AND table_name = '" + name + "'", 1);
    if (t.rows().isEmpty()) {
      return Optional.empty();
    }
    QueryResult cols = run("SELECT column_name, full_data_type, comment FROM `" + catalog + "`.information_schema.columns"
        + " WHERE table_schema = '" + schema + "' AND table_name = '" + name + "' ORDER BY ordinal_position", 2000);
    QueryResult sample = withSamples ? run("SELECT * FROM `" + catalog + "`.`" + schema + "`.`" + name + "` LIMIT 5", 5)
        : new QueryResult(List.of(), List.of(), List.of(), false);
    List<ColumnInfo> columns = new ArrayList<>();
    for (List<Object> c : cols.rows()) {
      String col = str(c.get(0));
      columns.add(new ColumnInfo(col, str(c.get(1)).toUpperCase(Locale.ROOT), str(c.get(2)), samples(sample, col)));
    }
    return Optional.of(new TableDescription(new TableInfo(schema, name, str(t.rows().get(0).get(0))), columns));
  }

  static List<String> samples(QueryResult sample, String column) {
    int i = sample.columnIndex(column);
    Set<String> out = new LinkedHashSet<>();
    if (i >= 0 && !column.startsWith("_")) {
      for (List<Object> row : sample.rows()) {
        if (row.get(i) != null && !String.valueOf(row.get(i)).isBlank() && out.size() < 3) {
          out.add(String.valueOf(row.get(i)));
        }
      }
    }
    return List.copyOf(out);
  }

  private QueryResult run(String statement, int maxRows) {
    try {
      return sql.execute(statement, maxRows, TIMEOUT, null);
    } catch (SqlExecutionException e) {
      throw new CatalogException("No se pudo leer el catálogo de tablas: " + e.getMessage(), e);
    }
  }

  private static String checked(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("catalog and schema names must match [A-Za-z0-9_]+, was: " + name);
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }
}
