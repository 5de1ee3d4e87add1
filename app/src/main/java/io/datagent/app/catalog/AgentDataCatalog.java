package io.datagent.app.catalog;

import io.datagent.agent.QueryResult;
import io.datagent.agent.catalog.CatalogException;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.app.Refusal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link DataCatalog} over the agent's ports: tables and comments from its {@code TableCatalog}, previews and the
 * ingestion log through its {@code SqlExecutor} (as the App's identity; the log lives in the raw schema).
 */
public final class AgentDataCatalog implements DataCatalog {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final TableCatalog catalog;
  private final SqlExecutor sql;
  private final String servingSchema;
  private final String logTable;

  /** @param logTable how SQL names the ingestion log, e.g. {@code raw._ingestion_log} */
  public AgentDataCatalog(TableCatalog catalog, SqlExecutor sql, String servingSchema, String logTable) {
    this.catalog = catalog;
    this.sql = sql;
    this.servingSchema = servingSchema;
    this.logTable = logTable;
  }

  @Override
  public List<TableInfo> tables() {
    try {
      return catalog.listTables().stream()
          .filter(t -> t.schema().equalsIgnoreCase(servingSchema) && !t.name().startsWith("_"))
          .map(t -> new TableInfo(t.name(), t.qualified(), t.comment(), List.of()))
          .sorted(java.util.Comparator.comparing(TableInfo::name))
          .toList();
    } catch (CatalogException e) {
      throw new Refusal(Refusal.Kind.UNAVAILABLE, "No se pudo leer la lista de tablas: " + e.getMessage());
    }
  }

  @Override
  public Optional<TableInfo> describe(String table) {
    Optional<TableInfo> listed = table(table);
    if (listed.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<TableDescription> d = catalog.describe(listed.get().fullName());
      return d.map(desc -> new TableInfo(listed.get().name(), listed.get().fullName(), desc.table().comment(),
          desc.columns().stream().map(c -> new ColumnInfo(c.name(), c.type(), c.comment())).toList()));
    } catch (CatalogException e) {
      throw new Refusal(Refusal.Kind.UNAVAILABLE, "No se pudo describir la tabla: " + e.getMessage());
    }
  }

  @Override
  public Optional<Rows> preview(String table, int limit, String userToken) {
    Optional<TableInfo> listed = table(table);
    if (listed.isEmpty()) {
      return Optional.empty();
    }
    int n = Math.max(1, Math.min(limit, 200));
    QueryResult r = run("SELECT * FROM " + quoted(listed.get().fullName()) + " LIMIT " + n, n, userToken);
    return Optional.of(new Rows(r.columns(), r.types(), r.rows(), r.truncated()));
  }

  @Override
  public List<IngestionEntry> ingestions(String batchId, int limit) {
    if (batchId != null && !batchId.matches("[A-Za-z0-9_\\-]{1,64}")) {
      return List.of();
    }
    int n = Math.max(1, Math.min(limit, 1000));
    QueryResult r;
    try {
      r = sql.execute("SELECT file, dataset, `table`, status, rows_read, rows_loaded, rows_quarantined, message, batch_id, "
          + "started_at, ended_at FROM " + logTable + (batchId == null ? "" : " WHERE batch_id = '" + batchId + "'")
          + " ORDER BY started_at DESC LIMIT " + n, n, TIMEOUT, null);
    } catch (SqlExecutionException e) {
      if (e.kind() == SqlExecutionException.Kind.SQL && String.valueOf(e.getMessage()).toUpperCase().contains("NOT_FOUND")) {
        return List.of(); // nothing ingested yet
      }
      throw new Refusal(Refusal.Kind.UNAVAILABLE, "No se pudo leer el historial de cargas: " + e.getMessage());
    }
    List<IngestionEntry> out = new ArrayList<>();
    for (List<Object> v : r.rows()) {
      out.add(new IngestionEntry(Cells.str(v.get(0)), Cells.str(v.get(1)), Cells.str(v.get(2)), Cells.str(v.get(3)), Cells.num(v.get(4)), Cells.num(v.get(5)),
          Cells.num(v.get(6)), Cells.str(v.get(7)), Cells.str(v.get(8)), time(v.get(9)), time(v.get(10))));
    }
    return out;
  }

  @Override
  public void refresh() {
    if (catalog instanceof io.datagent.agent.catalog.CachedTableCatalog cached) {
      cached.invalidate();
    }
  }

  private QueryResult run(String statement, int maxRows, String userToken) {
    try {
      return sql.execute(statement, maxRows, TIMEOUT, userToken);
    } catch (SqlExecutionException e) {
      throw new Refusal(Refusal.Kind.UNAVAILABLE, "No se pudo leer la tabla: " + e.getMessage());
    }
  }

  static String quoted(String qualified) {
    StringBuilder sb = new StringBuilder();
    for (String part : qualified.split("\\.")) {
      sb.append(sb.length() == 0 ? "" : ".").append('`').append(part.replace("`", "``")).append('`');
    }
    return sb.toString();
  }


  static Instant time(Object o) {
    return instant(o);
  }

  /** A timestamp as the warehouse or Spark returns it (Instant, Timestamp, date-time text), else null. */
  public static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (o instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    String s = o.toString().strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }
}
