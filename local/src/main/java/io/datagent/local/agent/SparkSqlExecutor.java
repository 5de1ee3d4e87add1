package io.datagent.local.agent;

import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutionException.Kind;
import io.datagent.agent.sql.SqlExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
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
 */
public final class SparkSqlExecutor implements SqlExecutor {

  private final Supplier<SparkSession> spark;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "datagent-spark-sql");
    t.setDaemon(true);
    return t;
  });

  /** @param spark the session, started on first use (e.g. {@code runtime::spark}) */
  public SparkSqlExecutor(Supplier<SparkSession> spark) {
    this.spark = spark;
  }

  @Override
  public QueryResult execute(String sql, int maxRows, Duration timeout, String userToken) throws SqlExecutionException {
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
