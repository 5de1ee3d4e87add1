package io.datagent.local.agent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF0;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ScalaUDF;
import org.apache.spark.sql.catalyst.planning.ExtractEquiJoinKeys$;
import org.apache.spark.sql.catalyst.plans.InnerLike;
import org.apache.spark.sql.catalyst.plans.LeftAnti$;
import org.apache.spark.sql.catalyst.plans.LeftSemi$;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * What keeps a nested-loop join (a join without an equality between its sides: {@code CROSS JOIN}, comma joins,
 * {@code ON a.x < b.y}) from taking a core for good.
 *
 * <p>Spark runs such joins as {@code BroadcastNestedLoopJoinExec} (or {@code CartesianProductExec}); in whole-stage
 * code generation the inner loop over the broadcast rows never looks at the task's kill flag, so
 * {@code cancelJobGroup} marks the task killed but the thread keeps looping (issue 11, item 3: a cancelled 4-way
 * cross join still ran 80 s later). In local mode the task reaper cannot help either: it only logs, it never kills
 * the driver's JVM. Two measures, both on the optimized plan:
 *
 * <ul>
 *   <li>{@link #install} adds an optimizer rule that puts a non-deterministic filter {@code datagent_kill_check()}
 *       on both inputs of every nested-loop join. It is evaluated once per input row, inside the generated loop,
 *       and calls {@link TaskContext#killTaskIfInterrupted()}: a cancelled task stops after at most one pass over
 *       the broadcast side. Being non-deterministic it is never moved or merged by the optimizer.
 *   <li>{@link #check} estimates the row pairs every nested-loop join of a statement would evaluate (from row counts:
 *       Delta's per-file statistics through a metadata-only {@code count(*)}, or the plan's own statistics) and
 *       refuses the statement before it runs when the total exceeds the bound.
 * </ul>
 */
final class NestedLoopGuard {

  static final String KILL_CHECK = "datagent_kill_check";

  private static final UserDefinedFunction KILL_CHECK_UDF = functions.udf((UDF0<Boolean>) () -> {
    TaskContext tc = TaskContext.get();
    if (tc != null) {
      tc.killTaskIfInterrupted();
    }
    return Boolean.TRUE;
  }, DataTypes.BooleanType).asNondeterministic().withName(KILL_CHECK);

  /** A statement refused because its nested-loop joins would evaluate too many row pairs. */
  static final class TooExpensive extends RuntimeException {
    final long pairs;

    TooExpensive(long pairs, long bound) {
      super(String.format(new Locale("es", "ES"), "La consulta es demasiado costosa y no se ha ejecutado: combina tablas sin "
          + "una condición de igualdad entre ellas (producto cartesiano) y tendría que comparar unos %,d pares de "
          + "filas (el máximo es %,d). Una las tablas con JOIN ... ON por una columna común, o filtre o agregue cada "
          + "tabla antes de combinarlas.", pairs, bound));
      this.pairs = pairs;
    }
  }

  private final long maxPairs;

  /** Row counts of Delta tables by {@code name@version}. */
  private final Cache<String, Long> tableRows = Caffeine.newBuilder().maximumSize(1024).build();

  /** @param maxPairs the most row pairs a statement's nested-loop joins may evaluate (Long.MAX_VALUE: no bound) */
  NestedLoopGuard(long maxPairs) {
    this.maxPairs = maxPairs;
  }

  /** Adds the kill-check rule to the session's optimizer, once. */
  static void install(SparkSession session) {
    synchronized (session.experimental()) {
      Seq<Rule<LogicalPlan>> current = session.experimental().extraOptimizations();
      List<Rule<LogicalPlan>> rules = new ArrayList<>(JavaConverters.seqAsJavaList(current));
      if (rules.stream().noneMatch(r -> r instanceof KillCheckRule)) {
        rules.add(new KillCheckRule());
        session.experimental().extraOptimizations_$eq(JavaConverters.asScalaBuffer(rules).toSeq());
      }
    }
  }

  /** Refuses the statement when its nested-loop joins would evaluate more than the bound of row pairs. */
  void check(SparkSession session, Dataset<Row> df) {
    if (maxPairs == Long.MAX_VALUE) {
      return;
    }
    long pairs = pairs(session, df.queryExecution().optimizedPlan());
    if (pairs > maxPairs) {
      throw new TooExpensive(pairs, maxPairs);
    }
  }

  /** The row pairs all nested-loop joins of a plan evaluate (saturating at Long.MAX_VALUE). */
  long pairs(SparkSession session, LogicalPlan plan) {
    return pairs(session, plan, Long.MAX_VALUE);
  }

  /**
   * @param limit the rows a limit right above (through projections and kill checks only) lets through, or
   *     Long.MAX_VALUE: a join without any condition under such a limit stops after about that many pairs per task
   */
  private long pairs(SparkSession session, LogicalPlan plan, long limit) {
    long total = 0;
    long below = Long.MAX_VALUE;
    if (plan instanceof GlobalLimit || plan instanceof LocalLimit) {
      scala.Option<Object> n = plan instanceof GlobalLimit ? plan.maxRows() : plan.maxRowsPerPartition();
      below = n.isDefined() ? Math.min(limit, (Long) n.get()) : limit;
    } else if (plan instanceof Project || (plan instanceof Filter f && isKillCheck(f.condition()))) {
      below = limit;
    } else if (plan instanceof Join j && nestedLoop(j)) {
      long full = times(rows(session, j.left()), rows(session, j.right()));
      boolean streaming = j.condition().isEmpty() && j.joinType() instanceof InnerLike;
      total = streaming && limit != Long.MAX_VALUE ? Math.min(full, times(limit, STREAMING_TASKS)) : full;
      below = streaming ? limit : Long.MAX_VALUE;
    }
    for (LogicalPlan child : children(plan)) {
      total = plus(total, pairs(session, child, below));
    }
    for (LogicalPlan subquery : JavaConverters.seqAsJavaList(plan.subqueries())) { // scalar subqueries run in full
      total = plus(total, pairs(session, subquery, Long.MAX_VALUE));
    }
    return total;
  }

  /** A generous bound of the tasks a limited, streaming cross join runs in (each stops after the limit). */
  private static final long STREAMING_TASKS = 64;

  /** An upper-bound-ish estimate of the rows a plan produces (joins on keys: the larger side). */
  long rows(SparkSession session, LogicalPlan p) {
    long est;
    List<LogicalPlan> kids = children(p);
    if (kids.isEmpty()) {
      est = leafRows(session, p);
    } else if (p instanceof Join j) {
      long l = rows(session, j.left());
      long r = rows(session, j.right());
      if (j.joinType() == LeftSemi$.MODULE$ || j.joinType() == LeftAnti$.MODULE$) {
        est = l;
      } else {
        est = nestedLoop(j) ? times(l, r) : Math.max(l, r);
      }
    } else if (p instanceof Aggregate a && a.groupingExpressions().isEmpty()) {
      est = 1;
    } else if (p instanceof Union) {
      est = 0;
      for (LogicalPlan c : kids) {
        est = plus(est, rows(session, c));
      }
    } else {
      est = 0;
      for (LogicalPlan c : kids) {
        est = Math.max(est, rows(session, c));
      }
    }
    scala.Option<Object> max = p.maxRows();
    return max.isDefined() ? Math.min(est, (Long) max.get()) : est;
  }

  private long leafRows(SparkSession session, LogicalPlan leaf) {
    scala.Option<scala.math.BigInt> known = leaf.stats().rowCount();
    if (known.isDefined()) {
      return known.get().isValidLong() ? known.get().longValue() : Long.MAX_VALUE;
    }
    if (leaf instanceof LogicalRelation lr && lr.catalogTable().isDefined()) {
      Long counted = deltaRows(session, lr.catalogTable().get());
      if (counted != null) {
        return counted;
      }
    }
    // a table without a row count: its size over the width of a row (files are compressed: a low estimate)
    int width = 0;
    for (Attribute a : JavaConverters.seqAsJavaList(leaf.output())) {
      width += a.dataType().defaultSize();
    }
    scala.math.BigInt size = leaf.stats().sizeInBytes();
    long bytes = size.isValidLong() ? size.longValue() : Long.MAX_VALUE;
    return bytes / Math.max(8, width);
  }

  /** A Delta table's row count, answered from its log's statistics, cached per table version. */
  private Long deltaRows(SparkSession session, CatalogTable table) {
    if (!"delta".equalsIgnoreCase(table.provider().getOrElse(() -> ""))) {
      return null;
    }
    String name = table.identifier().unquotedString();
    long version = -1;
    try {
      version = SparkSqlExecutor.latestVersion(Path.of(table.location()).resolve("_delta_log"));
    } catch (RuntimeException e) {
      // not a local path: counted every time
    }
    if (version < 0) {
      return session.table(name).count();
    }
    return tableRows.get(name + "@" + version, k -> session.table(name).count());
  }

  static boolean nestedLoop(Join j) {
    return ExtractEquiJoinKeys$.MODULE$.unapply(j).isEmpty();
  }

  static boolean isKillCheck(Expression e) {
    return e instanceof ScalaUDF u && u.udfName().isDefined() && KILL_CHECK.equals(u.udfName().get());
  }

  static List<LogicalPlan> children(LogicalPlan p) {
    return JavaConverters.seqAsJavaList(p.children());
  }

  private static long times(long a, long b) {
    long r = a * b;
    return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
  }

  private static long plus(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /**
   * Puts {@code datagent_kill_check()} on both inputs of every nested-loop join (once). The streamed input is then
   * checked once per streamed row, so a killed task runs on for at most one pass over the other (broadcast, hence
   * small) side; a check on the join's output would cost a call per joined row (measured: twice the run time of a
   * plain 3-way cross join).
   */
  static final class KillCheckRule extends Rule<LogicalPlan> {

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
      return wrap(plan);
    }

    private static LogicalPlan wrap(LogicalPlan p) {
      List<LogicalPlan> kids = children(p);
      List<LogicalPlan> wrapped = new ArrayList<>(kids.size());
      boolean changed = false;
      boolean join = p instanceof Join j && nestedLoop(j);
      for (LogicalPlan c : kids) {
        LogicalPlan w = wrap(c);
        if (join && !(w instanceof Filter f && isKillCheck(f.condition()))) {
          w = new Filter(KILL_CHECK_UDF.apply(new Column[0]).expr(), w);
        }
        changed |= w != c;
        wrapped.add(w);
      }
      return changed ? (LogicalPlan) p.withNewChildren(JavaConverters.asScalaBuffer(wrapped).toSeq()) : p;
    }
  }
}
