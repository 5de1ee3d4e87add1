package io.datagent.agent.semantic;

import io.datagent.agent.QueryResult;
import io.datagent.agent.catalog.CatalogException;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.sql.GuardedSql;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.sql.SqlRejectedException;
import io.datagent.semantic.MetricViewYaml;
import io.datagent.semantic.SemanticModel;
import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.SqlIdent;
import io.datagent.semantic.TableProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The semantic model of each table, ready for matching: the engineer's YAML when the {@link SemanticModelSource}
 * has one, else derived from the catalog's description plus guarded profiling SQL (one count of rows and distinct
 * values, then one {@code GROUP BY} per low-cardinality text column for the value index). Kept per table and
 * column list for a while; compiling a question then needs no SQL.
 */
public final class TableModels {

  /** A table's model as built (profiled or read), and its index under the compiler tuning it was made with. */
  private record Entry(String signature, SemanticModel model, long rows, Instant at, CompilerTuning tuning, ModelIndex index) {

    Entry under(CompilerTuning t) {
      return new Entry(signature, model, rows, at, t, new ModelIndex(model, rows, t));
    }
  }

  private final TableCatalog catalog;
  private final SqlGuard guard;
  private final SqlExecutor executor;
  private final Duration sqlTimeout;
  private final SemanticModelSource yaml;
  private final Duration ttl;
  private final Clock clock;
  private final java.util.function.Supplier<CompilerTuning> tuning;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public TableModels(TableCatalog catalog, SqlGuard guard, SqlExecutor executor, Duration sqlTimeout,
      SemanticModelSource yaml, Duration ttl) {
    this(catalog, guard, executor, sqlTimeout, yaml, ttl, Clock.systemUTC(), () -> CompilerTuning.DEFAULT);
  }

  /**
   * @param tuning the compiler tuning served now (thresholds, learned synonyms), asked on every question: an index is
   *               rebuilt from the kept model, with no SQL, when it changes
   */
  public TableModels(TableCatalog catalog, SqlGuard guard, SqlExecutor executor, Duration sqlTimeout,
      SemanticModelSource yaml, Duration ttl, java.util.function.Supplier<CompilerTuning> tuning) {
    this(catalog, guard, executor, sqlTimeout, yaml, ttl, Clock.systemUTC(), tuning);
  }

  TableModels(TableCatalog catalog, SqlGuard guard, SqlExecutor executor, Duration sqlTimeout, SemanticModelSource yaml,
      Duration ttl, Clock clock) {
    this(catalog, guard, executor, sqlTimeout, yaml, ttl, clock, () -> CompilerTuning.DEFAULT);
  }

  TableModels(TableCatalog catalog, SqlGuard guard, SqlExecutor executor, Duration sqlTimeout, SemanticModelSource yaml,
      Duration ttl, Clock clock, java.util.function.Supplier<CompilerTuning> tuning) {
    this.tuning = tuning;
    this.catalog = catalog;
    this.guard = guard;
    this.executor = executor;
    this.sqlTimeout = sqlTimeout;
    this.yaml = yaml == null ? SemanticModelSource.NONE : yaml;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The model of {@code schema.table}, or empty when the catalog does not have it. */
  public Optional<SemanticModel> model(String table) {
    return index(table).map(ModelIndex::model);
  }

  Optional<ModelIndex> index(String table) {
    Optional<TableDescription> d = catalog.outline(table);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    String key = d.get().table().qualified().toLowerCase(Locale.ROOT);
    String signature = d.get().columns().stream().map(c -> c.name() + ":" + c.type()).reduce("", (a, b) -> a + "," + b);
    Entry e = cache.get(key);
    CompilerTuning now = tuning();
    if (e == null || !e.signature().equals(signature) || clock.instant().isAfter(e.at().plus(ttl))) {
      e = build(d.get(), signature, now);
      cache.put(key, e);
    } else if (!e.tuning().equals(now)) {
      e = e.under(now);
      cache.put(key, e);
    }
    return Optional.of(e.index());
  }

  /** The compiler tuning served now ({@link CompilerTuning#DEFAULT} when its source fails). */
  public CompilerTuning tuning() {
    try {
      CompilerTuning t = tuning.get();
      return t == null ? CompilerTuning.DEFAULT : t;
    } catch (RuntimeException e) {
      return CompilerTuning.DEFAULT;
    }
  }

  /** Forgets every model (after an ingestion run). */
  public void invalidate() {
    cache.clear();
  }

  private Entry build(TableDescription d, String signature, CompilerTuning t) {
    Optional<String> text = yaml.yaml(d.table().qualified());
    if (text.isPresent()) {
      try {
        SemanticModel m = MetricViewYaml.readBundle(text.get());
        long rows = rows(d);
        return new Entry(signature, m, rows, clock.instant(), t, new ModelIndex(m, rows, t));
      } catch (IllegalArgumentException ignored) {
        // an invalid override must not take the table away: derive it instead
      }
    }
    TableProfile p = profile(d);
    SemanticModel m = SemanticModels.derive(p);
    return new Entry(signature, m, p.rowCount(), clock.instant(), t, new ModelIndex(m, p.rowCount(), t));
  }

  /** The table's row count (of two tables that read a question equally, the larger wins), or -1. */
  private long rows(TableDescription d) {
    Optional<QueryResult> r = run("SELECT count(*) AS n FROM " + d.table().qualified());
    return r.isPresent() && !r.get().rows().isEmpty() && r.get().rows().get(0).get(0) instanceof Number n ? n.longValue() : -1;
  }

  TableProfile profile(TableDescription d) {
    List<ColumnInfo> cols = d.columns().stream().filter(c -> !c.lineage()).limit(120).toList();
    long rows = -1;
    Map<String, Long> distinct = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>(List.of("count(*) AS n"));
    for (int i = 0; i < cols.size(); i++) {
      parts.add("count(DISTINCT " + SqlIdent.quote(cols.get(i).name()) + ") AS d" + i);
    }
    Optional<QueryResult> counts = run("SELECT " + String.join(", ", parts) + " FROM " + d.table().qualified());
    if (counts.isPresent() && !counts.get().rows().isEmpty()) {
      List<Object> row = counts.get().rows().get(0);
      rows = row.get(0) instanceof Number n ? n.longValue() : -1;
      for (int i = 0; i < cols.size(); i++) {
        if (row.get(i + 1) instanceof Number n) {
          distinct.put(cols.get(i).name(), n.longValue());
        }
      }
    }
    List<TableProfile.Column> out = new ArrayList<>();
    for (ColumnInfo c : cols) {
      long dc = distinct.getOrDefault(c.name(), -1L);
      Map<String, Long> values = Map.of();
      if (text(c.type()) && dc > 0 && dc <= SemanticModels.MAX_VALUES) {
        values = values(d, c);
      }
      String comment = c.comment();
      String header = comment != null && comment.length() <= 80 && !comment.contains("\n") ? comment : null;
      out.add(new TableProfile.Column(c.name(), c.type(), comment, header, dc, values, Map.of()));
    }
    return new TableProfile(d.table().qualified(), d.table().comment(), null, rows, out);
  }

  private Map<String, Long> values(TableDescription d, ColumnInfo c) {
    String col = SqlIdent.quote(c.name());
    Optional<QueryResult> r = run("SELECT trim(" + col + ") AS v, count(*) AS n FROM " + d.table().qualified()
        + " WHERE " + col + " IS NOT NULL GROUP BY trim(" + col + ") ORDER BY n DESC LIMIT " + SemanticModels.MAX_VALUES);
    Map<String, Long> out = new LinkedHashMap<>();
    r.ifPresent(q -> q.rows().forEach(row -> {
      if (row.get(0) != null) {
        out.put(String.valueOf(row.get(0)), row.get(1) instanceof Number n ? n.longValue() : 0L);
      }
    }));
    return out;
  }

  private Optional<QueryResult> run(String sql) {
    try {
      GuardedSql g = guard.check(sql);
      return Optional.of(executor.execute(g.sql(), (int) Math.max(1, g.limit()), sqlTimeout, null));
    } catch (SqlRejectedException | SqlExecutionException | CatalogException e) {
      return Optional.empty(); // a model without counts or values still answers
    }
  }

  private static boolean text(String type) {
    String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
    return t.startsWith("STRING") || t.startsWith("VARCHAR") || t.startsWith("CHAR");
  }
}
