package io.datagent.local.agent;

import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutionException.Kind;
import io.datagent.agent.sql.SqlExecutor;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * The local {@link SqlExecutor}: Spark SQL on the workspace's Delta tables ({@code raw.x}, {@code serving.x}).
 *
 * <p>Each statement runs on its own thread in its own Spark job group; at the timeout the group is cancelled (the
 * running tasks are interrupted) and {@link Kind#TIMEOUT} is reported. Analysis and parse errors are
 * {@link Kind#SQL}, with Spark's message for a model to correct. The user token is ignored (one local user).
 *
 * <p>With the workspace's tables folder given, results are cached like a SQL warehouse's result cache: the key is the
 * statement, the row limit and the Delta version of every table it reads (the newest commit in each
 * {@code _delta_log}), so a new ingestion commit makes the next identical question read the data again. Statements
 * over tables outside that folder are never cached.
 */
public final class SparkSqlExecutor implements SqlExecutor {

  private final Supplier<SparkSession> spark;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "datagent-spark-sql");
    t.setDaemon(true);
    return t;
  });

  private final Path tablesDir;
  private final Cache<CacheKey, QueryResult> results = Caffeine.newBuilder().maximumSize(512).recordStats()
      .expireAfterAccess(Duration.ofMinutes(30)).build();

  /** The tables each statement reads (parsing is the expensive part of a cache lookup). */
  private final Cache<String, java.util.Set<String>> tablesRead = Caffeine.newBuilder().maximumSize(2048).build();

  private record CacheKey(String sql, int maxRows, String versions) {}

  /** @param spark the session, started on first use (e.g. {@code runtime::spark}); no result cache */
  public SparkSqlExecutor(Supplier<SparkSession> spark) {
    this(spark, null);
  }

  /**
   * @param tablesDir the workspace's tables folder ({@code <schema>/<table>/_delta_log}), which enables the result
   *     cache, or null
   */
  public SparkSqlExecutor(Supplier<SparkSession> spark, Path tablesDir) {
    this.spark = spark;
    this.tablesDir = tablesDir;
  }

  @Override
  public QueryResult execute(String sql, int maxRows, Duration timeout, String userToken) throws SqlExecutionException {
    Optional<String> versions = tablesDir == null ? Optional.empty() : versions(sql);
    if (versions.isEmpty()) {
      return run(sql, maxRows, timeout);
    }
    CacheKey key = new CacheKey(sql, maxRows, versions.get());
    QueryResult hit = results.getIfPresent(key);
    if (hit != null) {
      return hit;
    }
    QueryResult fresh = run(sql, maxRows, timeout);
    results.put(key, fresh);
    return fresh;
  }

  /** Statements answered from the result cache so far (for benchmarks and tests). */
  public long cacheHits() {
    return results.stats().hitCount();
  }

  /**
   * The Delta version of every table the statement reads, as {@code schema.table@version} joined in name order, or
   * empty when a table is not a Delta table of the workspace (or the statement cannot be parsed here).
   */
  Optional<String> versions(String sql) {
    java.util.Set<String> names = tablesRead.get(sql, s -> {
      try {
        return TablesNamesFinder.findTables(s);
      } catch (JSQLParserException | RuntimeException e) {
        return java.util.Set.of();
      }
    });
    if (names.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<String> out = new TreeSet<>();
    for (String name : names) {
      String[] parts = name.replace("`", "").toLowerCase(Locale.ROOT).split("\\.");
      boolean local = parts.length == 2 || (parts.length == 3 && parts[0].equals("spark_catalog"));
      if (!local) {
        return Optional.empty();
      }
      String schema = parts[parts.length - 2];
      String table = parts[parts.length - 1];
      long version = latestVersion(tablesDir.resolve(schema).resolve(table).resolve("_delta_log"));
      if (version < 0) {
        return Optional.empty();
      }
      out.add(schema + "." + table + "@" + version);
    }
    return Optional.of(String.join(",", out));
  }

  /** The newest commit number in a {@code _delta_log} folder, or -1 when there is none. */
  static long latestVersion(Path deltaLog) {
    if (!Files.isDirectory(deltaLog)) {
      return -1;
    }
    try (Stream<Path> files = Files.list(deltaLog)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{20}\\.json"))
          .mapToLong(n -> Long.parseLong(n.substring(0, 20))).max().orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  private QueryResult run(String sql, int maxRows, Duration timeout) throws SqlExecutionException {
    SparkSession session;
    try {
      session = spark.get();
    } catch (RuntimeException e) {
      throw new SqlExecutionException(Kind.UNAVAILABLE, "Spark local no arrancó: " + e.getMessage(), e);
    }
    String group = "datagent-sql-" + UUID.randomUUID();
    Future<QueryResult> f = threads.submit(() -> {
      session.sparkContext().setJobGroup(group, "datagent agent SQL", true);
      try {
        return collect(session.sql(sql), maxRows);
      } finally {
        session.sparkContext().clearJobGroup();
      }
    });
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      session.sparkContext().cancelJobGroup(group);
      f.cancel(true);
      throw new SqlExecutionException(Kind.TIMEOUT, "La consulta superó el tiempo máximo de " + timeout.toSeconds()
          + " s y se canceló. Simplifíquela o filtre más.", e);
    } catch (InterruptedException e) {
      session.sparkContext().cancelJobGroup(group);
      Thread.currentThread().interrupt();
      throw new SqlExecutionException(Kind.TIMEOUT, "Consulta interrumpida.", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String message = cause instanceof AnalysisException a ? a.getSimpleMessage() : String.valueOf(cause.getMessage());
      boolean sqlError = cause instanceof AnalysisException || cause instanceof org.apache.spark.SparkThrowable
          || cause instanceof ArithmeticException || cause instanceof NumberFormatException;
      throw new SqlExecutionException(sqlError ? Kind.SQL : Kind.UNAVAILABLE, message, cause);
    }
  }

  static QueryResult collect(Dataset<Row> df, int maxRows) {
    StructField[] fields = df.schema().fields();
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (StructField f : fields) {
      columns.add(f.name());
      types.add(f.dataType().sql());
    }
    List<Row> rows = df.limit(maxRows + 1).collectAsList();
    List<List<Object>> out = new ArrayList<>();
    for (Row r : rows.subList(0, Math.min(maxRows, rows.size()))) {
      List<Object> values = new ArrayList<>(fields.length);
      for (int i = 0; i < fields.length; i++) {
        values.add(value(r.get(i)));
      }
      out.add(values);
    }
    return new QueryResult(columns, types, out, rows.size() > maxRows);
  }

  static Object value(Object v) {
    if (v == null || v instanceof String || v instanceof Long || v instanceof java.math.BigDecimal
        || v instanceof Double || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toString();
    }
    return String.valueOf(v); // dates (ISO), intervals, arrays, maps, structs
  }
}
