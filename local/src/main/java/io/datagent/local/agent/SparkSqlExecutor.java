package io.datagent.local.agent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutionException.Kind;
import io.datagent.agent.sql.SqlExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.apache.spark.JobExecutionStatus;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * The local {@link SqlExecutor}: Spark SQL on the workspace's Delta tables ({@code raw.x}, {@code serving.x}).
 *
 * <p>Each statement runs on its own thread in its own Spark job group. At the timeout the group is cancelled (the
 * running tasks are interrupted and flagged killed), the thread is interrupted, {@link Kind#TIMEOUT} is reported, and
 * a watchdog checks with Spark's status tracker that the group really went idle. Nested-loop joins, whose generated
 * code would otherwise ignore the cancel, carry a kill check, and those too large to finish are refused before they
 * run ({@link NestedLoopGuard}). Each user ({@link QueryUser}) runs at most a few statements at once
 * ({@link QuerySlots}). Analysis and parse errors are {@link Kind#SQL}, with Spark's message for a model to
 * correct. The user token is ignored (local users are not Spark identities).
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

  /** The default bound of row pairs of a statement's nested-loop joins (a few minutes of one core at most). */
  public static final long DEFAULT_MAX_NESTED_LOOP_PAIRS = 20_000_000_000L;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SparkSqlExecutor.class);

  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "datagent-spark-sql-watchdog");
    t.setDaemon(true);
    return t;
  });

  private final NestedLoopGuard guard;
  private final QuerySlots slots;
  private final Duration idleBound;
  private final java.util.Set<SparkSession> installed =
      java.util.Collections.newSetFromMap(java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>()));
  private volatile long lastIdleMillis = -1;
  private final Cache<CacheKey, QueryResult> results = Caffeine.newBuilder().maximumSize(512).recordStats()
      .expireAfterAccess(Duration.ofMinutes(30)).build();

  /** The tables each statement reads (parsing is the expensive part of a cache lookup). */
  private final Cache<String, java.util.Set<String>> tablesRead = Caffeine.newBuilder().maximumSize(2048).build();

  private record CacheKey(String sql, int maxRows, String versions) {}

  /** @param spark the session, started on first use (e.g. {@code runtime::spark}); no result cache */
  public SparkSqlExecutor(Supplier<SparkSession> spark) {
    this(spark, null);
  }

  /** The defaults: at most {@link #DEFAULT_MAX_NESTED_LOOP_PAIRS} row pairs, {@link QuerySlots.Limits#defaults()}. */
  public SparkSqlExecutor(Supplier<SparkSession> spark, Path tablesDir) {
    this(spark, tablesDir, Limits.defaults());
  }

  /**
   * @param tablesDir the workspace's tables folder ({@code <schema>/<table>/_delta_log}), which enables the result
   *     cache, or null
   */
  public SparkSqlExecutor(Supplier<SparkSession> spark, Path tablesDir, Limits limits) {
    this.spark = spark;
    this.tablesDir = tablesDir;
    this.guard = new NestedLoopGuard(limits.maxNestedLoopPairs());
    this.slots = new QuerySlots(new QuerySlots.Limits(limits.perUser(), limits.global(), limits.slotWait()));
    this.idleBound = limits.idleBound();
  }

  /**
   * What one statement and one user may take.
   *
   * @param maxNestedLoopPairs the most row pairs the nested-loop joins (cross joins, joins without an equality) of a
   *     statement may evaluate; more is refused before it runs (Long.MAX_VALUE: no bound)
   * @param perUser statements one user may run at once
   * @param global statements all users may run at once
   * @param slotWait how long a statement waits for a free slot before it is refused
   * @param idleBound how soon after a cancel the job group must be idle before the watchdog logs an error
   */
  public record Limits(long maxNestedLoopPairs, int perUser, int global, Duration slotWait, Duration idleBound) {

    public static Limits defaults() {
      QuerySlots.Limits q = QuerySlots.Limits.defaults();
      return new Limits(DEFAULT_MAX_NESTED_LOOP_PAIRS, q.perUser(), q.global(), q.slotWait(), Duration.ofSeconds(5));
    }

    /**
     * From the environment (read by the process wiring, {@link LocalAgents}): DATAGENT_SQL_MAX_CROSS_PAIRS,
     * DATAGENT_SQL_MAX_PER_USER, DATAGENT_SQL_MAX_CONCURRENT, DATAGENT_SQL_SLOT_WAIT_SECONDS; the defaults otherwise.
     */
    public static Limits fromEnv(java.util.Map<String, String> env) {
      Limits d = defaults();
      return new Limits(number(env, "DATAGENT_SQL_MAX_CROSS_PAIRS", d.maxNestedLoopPairs()),
          (int) number(env, "DATAGENT_SQL_MAX_PER_USER", d.perUser()),
          (int) number(env, "DATAGENT_SQL_MAX_CONCURRENT", d.global()),
          Duration.ofSeconds(number(env, "DATAGENT_SQL_SLOT_WAIT_SECONDS", d.slotWait().toSeconds())), d.idleBound());
    }

    private static long number(java.util.Map<String, String> env, String name, long otherwise) {
      String v = env.get(name);
      if (v == null || v.isBlank()) {
        return otherwise;
      }
      try {
        long n = Long.parseLong(v.trim().replace("_", ""));
        if (n < 1) {
          throw new IllegalArgumentException(name + " must be at least 1: " + v);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " is not a whole number: " + v, e);
      }
    }
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
    if (installed.add(session)) {
      NestedLoopGuard.install(session);
    }
    String user = QueryUser.current();
    QuerySlots.Slot slot = slots.acquire(user);
    String group = "datagent-sql-" + UUID.randomUUID();
    SparkContext sc = session.sparkContext();
    CountDownLatch finished = new CountDownLatch(1);
    AtomicBoolean watched = new AtomicBoolean();
    Future<QueryResult> f;
    try {
      f = threads.submit(() -> {
        sc.setJobGroup(group, "datagent agent SQL (" + user + ")", true);
        try {
          Dataset<Row> df = session.sql(sql);
          Dataset<Row> limited = df.limit(maxRows + 1);
          guard.check(session, limited); // on what runs: a cross join under the row limit stops early
          return collect(df.schema(), limited, maxRows);
        } finally {
          sc.clearJobGroup();
          finished.countDown();
          if (!watched.get()) {
            slot.release(); // a cancelled statement's slot is the watchdog's to give back
          }
        }
      });
    } catch (RuntimeException e) {
      slot.release();
      throw new SqlExecutionException(Kind.UNAVAILABLE, "No se pudo lanzar la consulta: " + e.getMessage(), e);
    }
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      cancel(sc, group, f, finished, slot, watched);
      throw new SqlExecutionException(Kind.TIMEOUT, "La consulta superó el tiempo máximo de " + timeout.toSeconds()
          + " s y se canceló. Simplifíquela o filtre más.", e);
    } catch (InterruptedException e) {
      cancel(sc, group, f, finished, slot, watched);
      Thread.currentThread().interrupt();
      throw new SqlExecutionException(Kind.TIMEOUT, "Consulta interrumpida.", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof NestedLoopGuard.TooExpensive refused) {
        LOG.info("refused a nested-loop statement of {}: about {} row pairs", user, refused.pairs);
        throw new SqlExecutionException(Kind.SQL, refused.getMessage());
      }
      String message = cause instanceof AnalysisException a ? a.getSimpleMessage() : String.valueOf(cause.getMessage());
      boolean sqlError = cause instanceof AnalysisException || cause instanceof org.apache.spark.SparkThrowable
          || cause instanceof ArithmeticException || cause instanceof NumberFormatException;
      throw new SqlExecutionException(sqlError ? Kind.SQL : Kind.UNAVAILABLE, message, cause);
    }
  }

  /**
   * Cancels a statement for real: its job group (the tasks are interrupted and flagged killed, which the kill check
   * of {@link NestedLoopGuard} sees inside generated loops), the thread that waits for it, and then a watchdog
   * that polls Spark's status tracker until the group has no running job and no active task, and only then gives
   * the user's slot back. Past {@link #idleBound} it logs an error naming the group and keeps watching.
   */
  private void cancel(SparkContext sc, String group, Future<?> f, CountDownLatch finished, QuerySlots.Slot slot,
      AtomicBoolean watched) {
    watched.set(true);
    long t0 = System.nanoTime();
    try {
      sc.cancelJobGroup(group);
    } catch (RuntimeException e) {
      LOG.warn("cancelJobGroup({}) failed", group, e);
    }
    f.cancel(true);
    WATCHDOG.schedule(new Runnable() {
      boolean warned;

      @Override
      public void run() {
        long waited = (System.nanoTime() - t0) / 1_000_000;
        boolean idle = finished.getCount() == 0 && groupIdle(sc, group);
        if (idle) {
          slot.release();
          lastIdleMillis = waited;
          if (warned) {
            LOG.warn("cancelled SQL group {} became idle only after {} ms", group, waited);
          } else {
            LOG.info("cancelled SQL group {} idle after {} ms", group, waited);
          }
          return;
        }
        if (!warned && waited > idleBound.toMillis()) {
          warned = true;
          LOG.error("cancelled SQL group {} still has running tasks {} ms after the timeout; the user's slot stays taken "
              + "until it stops", group, waited);
          try {
            sc.cancelJobGroup(group);
          } catch (RuntimeException e) {
            // the context may be stopping
          }
        }
        if (sc.isStopped()) {
          slot.release();
          return;
        }
        WATCHDOG.schedule(this, warned ? 1000 : 50, TimeUnit.MILLISECONDS);
      }
    }, 50, TimeUnit.MILLISECONDS);
  }

  /** True when no job of the group runs and none of its stages has an active task. */
  static boolean groupIdle(SparkContext sc, String group) {
    SparkStatusTracker tracker = sc.statusTracker();
    for (int jobId : tracker.getJobIdsForGroup(group)) {
      scala.Option<SparkJobInfo> job = tracker.getJobInfo(jobId);
      if (job.isEmpty()) {
        continue;
      }
      if (job.get().status() == JobExecutionStatus.RUNNING) {
        return false;
      }
      for (int stageId : job.get().stageIds()) {
        scala.Option<SparkStageInfo> stage = tracker.getStageInfo(stageId);
        if (stage.isDefined() && stage.get().numActiveTasks() > 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Milliseconds from the last cancel to its group's proven idleness (tests, reports), or -1. */
  long lastIdleMillis() {
    return lastIdleMillis;
  }

  static QueryResult collect(Dataset<Row> df, int maxRows) {
    return collect(df.schema(), df.limit(maxRows + 1), maxRows);
  }

  /** The rows of {@code limited} (the statement under a limit of maxRows + 1) as a result of the given schema. */
  static QueryResult collect(org.apache.spark.sql.types.StructType schema, Dataset<Row> limited, int maxRows) {
    StructField[] fields = schema.fields();
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (StructField f : fields) {
      columns.add(f.name());
      types.add(f.dataType().sql());
    }
    List<Row> rows = limited.collectAsList();
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
