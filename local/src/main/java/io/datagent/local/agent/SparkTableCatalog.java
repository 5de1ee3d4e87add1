package io.datagent.local.agent;

import io.datagent.agent.catalog.CatalogException;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Column;
import org.apache.spark.sql.catalog.Table;

/**
 * The local {@link TableCatalog}: Spark's session catalog over the workspace's Delta tables (table and column
 * comments as the ingestion wrote them), with sample values from the first rows.
 */
public final class SparkTableCatalog implements TableCatalog {

  private final Supplier<SparkSession> spark;
  private final List<String> schemas;

  /** @param schemas the readable schemas, the default (unqualified names) first */
  public SparkTableCatalog(Supplier<SparkSession> spark, List<String> schemas) {
    this.spark = spark;
    this.schemas = schemas.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  public List<TableInfo> listTables() {
    try {
      SparkSession s = spark.get();
      List<TableInfo> out = new ArrayList<>();
      for (String schema : schemas) {
        if (!s.catalog().databaseExists(schema)) {
          continue;
        }
        for (Table t : s.catalog().listTables(schema).collectAsList()) {
          if (!t.isTemporary() && TableCatalog.visible(t.name())) {
            out.add(new TableInfo(schema, t.name(), t.description()));
          }
        }
      }
      out.sort(Comparator.comparing(TableInfo::qualified));
      return out;
    } catch (RuntimeException | org.apache.spark.sql.AnalysisException e) {
      throw new CatalogException("No se pudo leer el catálogo de Spark: " + e.getMessage(), e);
    }
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
    String[] parts = table.strip().toLowerCase(Locale.ROOT).replace("`", "").split("\\.");
    String schema = parts.length >= 2 ? parts[parts.length - 2] : schemas.get(0);
    String name = parts[parts.length - 1];
    if (parts.length > 2 || !schemas.contains(schema) || !name.matches("[a-z0-9_]+")) {
      return Optional.empty();
    }
    try {
      SparkSession s = spark.get();
      String q = schema + "." + name;
      if (!s.catalog().tableExists(q)) {
        return Optional.empty();
      }
      String comment = s.catalog().getTable(q).description();
      List<Row> sample = withSamples ? s.table(q).limit(5).collectAsList() : List.of();
      List<ColumnInfo> columns = new ArrayList<>();
      for (Column c : s.catalog().listColumns(q).collectAsList()) {
        columns.add(new ColumnInfo(c.name(), c.dataType().toUpperCase(Locale.ROOT), c.description(),
            c.name().startsWith("_") ? List.of() : samples(sample, c.name())));
      }
      return Optional.of(new TableDescription(new TableInfo(schema, name, comment), columns));
    } catch (RuntimeException | org.apache.spark.sql.AnalysisException e) {
      throw new CatalogException("No se pudo describir la tabla " + table + ": " + e.getMessage(), e);
    }
  }

  private static List<String> samples(List<Row> rows, String column) {
    Set<String> out = new LinkedHashSet<>();
    for (Row r : rows) {
      Object v = r.getAs(column);
      if (v != null && out.size() < 3) {
        String text = v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v);
        if (!text.isBlank()) {
          out.add(text);
        }
      }
    }
    return List.copyOf(out);
  }
}
