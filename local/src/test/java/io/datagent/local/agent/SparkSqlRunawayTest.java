package io.datagent.local.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutionException.Kind;
import io.datagent.local.LocalRuntime;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runaway statements on the shared local Spark (issue 11, item 3): a 4-way cross join over a 3,000-row Delta table
 * (8.1e13 row pairs, hours of one core) is stopped at the timeout with the executor idle right after, or refused
 * before it runs; and one user cannot take every slot.
 */
class SparkSqlRunawayTest {

  static final String CROSS4 = "SELECT count(*) AS n FROM runaway_probe.t a CROSS JOIN runaway_probe.t b "
      + "CROSS JOIN runaway_probe.t c CROSS JOIN runaway_probe.t d";

  static LocalRuntime rt;

  @BeforeAll
  static void table() {
    rt = LocalAgentFixture.runtime();
    SparkSession s = rt.spark();
    String dir = rt.workspace().tables().resolve("runaway_probe").toString();
    s.sql("CREATE DATABASE IF NOT EXISTS runaway_probe LOCATION '" + dir + "'");
    s.sql("CREATE OR REPLACE TABLE runaway_probe.t USING delta AS SELECT id FROM range(3000)");
  }

  static SparkSqlExecutor executor(long maxPairs, int perUser) {
    return new SparkSqlExecutor(rt::spark, null,
        new SparkSqlExecutor.Limits(maxPairs, perUser, 4, Duration.ofSeconds(1), Duration.ofSeconds(5)));
  }

  /** Tasks the executor runs now, by the status tracker and by the task threads still inside generated code. */
  static int busy() {
    return busyOf(rt.spark());
  }

  static int busyOf(SparkSession spark) {
    int running = 0;
    for (SparkExecutorInfo i : spark.sparkContext().statusTracker().getExecutorInfos()) {
      running += i.numRunningTasks();
    }
    long looping = Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().startsWith("Executor task launch"))
        .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().contains("processNext")))
        .count();
    return running + (int) looping;
  }

  static long millisUntilIdle(long boundMillis) throws InterruptedException {
    long t0 = System.nanoTime();
    while (busy() > 0 && (System.nanoTime() - t0) / 1_000_000 < boundMillis) {
      Thread.sleep(50);
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void should_stop_cross_join_at_timeout_and_leave_executor_idle_within_seconds() throws Exception {
    SparkSqlExecutor unbounded = executor(Long.MAX_VALUE, 2);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> unbounded.execute(CROSS4, 1, Duration.ofSeconds(4), null))
        .isInstanceOf(SqlExecutionException.class)
        .satisfies(e -> assertThat(((SqlExecutionException) e).kind()).isEqualTo(Kind.TIMEOUT));
    long answered = (System.nanoTime() - t0) / 1_000_000;
    long idleAfter = millisUntilIdle(30_000);
    long deadline = System.currentTimeMillis() + 10_000;
    while (unbounded.lastIdleMillis() < 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    System.out.printf("RUNAWAY timeout answered after %d ms; executor idle %d ms after the timeout; watchdog saw the group"
        + " idle after %d ms%n", answered, idleAfter, unbounded.lastIdleMillis());

    assertThat(answered).isLessThan(10_000);
    assertThat(busy()).isZero();
    assertThat(idleAfter).isLessThan(5_000);
    assertThat(unbounded.lastIdleMillis()).isBetween(0L, 5_000L);
  }

  @Test
  void should_refuse_too_expensive_cross_join_before_running_it_with_spanish_message() {
    SparkSqlExecutor bounded = executor(SparkSqlExecutor.DEFAULT_MAX_NESTED_LOOP_PAIRS, 2);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> bounded.execute(CROSS4, 1, Duration.ofSeconds(60), null))
        .isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("demasiado costosa").hasMessageContaining("JOIN ... ON")
        .satisfies(e -> assertThat(((SqlExecutionException) e).kind()).isEqualTo(Kind.SQL));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    // also inside a scalar subquery
    assertThatThrownBy(() -> bounded.execute("SELECT (" + CROSS4 + ") AS n", 1, Duration.ofSeconds(60), null))
        .hasMessageContaining("demasiado costosa");
    assertThat(busy()).isZero();
  }

  @Test
  void should_still_answer_small_cross_join_and_equi_join_exactly() throws Exception {
    SparkSqlExecutor bounded = executor(SparkSqlExecutor.DEFAULT_MAX_NESTED_LOOP_PAIRS, 2);
    assertThat(bounded.execute("SELECT count(*) AS n FROM runaway_probe.t a CROSS JOIN runaway_probe.t b", 1,
        Duration.ofSeconds(120), null).rows().get(0).get(0)).isEqualTo(9_000_000L);
    assertThat(bounded.execute("SELECT count(*) AS n FROM runaway_probe.t a JOIN runaway_probe.t b ON a.id < b.id "
        + "WHERE a.id < 100", 1, Duration.ofSeconds(120), null).rows().get(0).get(0)).isEqualTo(294_950L);
    // the same 4-way cross join, but only its first rows: stops early, so it is not refused
    assertThat(bounded.execute(CROSS4.replace("count(*) AS n", "a.id, b.id AS b, c.id AS c, d.id AS d"), 5,
        Duration.ofSeconds(120), null).rows()).hasSize(5);
    assertThat(bounded.execute("SELECT count(*) AS n FROM runaway_probe.t a, runaway_probe.t b, runaway_probe.t c "
        + "WHERE a.id = b.id AND b.id = c.id", 1, Duration.ofSeconds(120), null).rows().get(0).get(0)).isEqualTo(3_000L);
  }

  @Test
  void should_refuse_a_users_third_concurrent_query_but_serve_another_user() throws Exception {
    SparkSqlExecutor limited = executor(Long.MAX_VALUE, 1);
    CompletableFuture<Throwable> slow = CompletableFuture.supplyAsync(() -> QueryUser.as("ana@datagent.local", () -> {
      try {
        limited.execute(CROSS4, 1, Duration.ofSeconds(4), null);
        return null;
      } catch (SqlExecutionException e) {
        return e;
      }
    }));
    Thread.sleep(1500); // ana's cross join is running
    assertThatThrownBy(() -> QueryUser.as("ana@datagent.local", () -> {
      try {
        return limited.execute("SELECT 1 AS one", 1, Duration.ofSeconds(30), null);
      } catch (SqlExecutionException e) {
        throw new IllegalStateException(e);
      }
    })).hasRootCauseInstanceOf(SqlExecutionException.class).rootCause().hasMessageContaining("demasiadas consultas en curso");
    assertThat(QueryUser.as("luis@datagent.local", () -> {
      try {
        return limited.execute("SELECT 1 AS one", 1, Duration.ofSeconds(30), null).rows().get(0).get(0);
      } catch (SqlExecutionException e) {
        throw new IllegalStateException(e);
      }
    })).isEqualTo(1L);
    assertThat(((SqlExecutionException) slow.get()).kind()).isEqualTo(Kind.TIMEOUT);
    millisUntilIdle(10_000);
    long deadline = System.currentTimeMillis() + 10_000;
    while (limited.lastIdleMillis() < 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    // once the cancelled query is proven idle, ana gets her slot back
    assertThat(QueryUser.as("ana@datagent.local", () -> {
      try {
        return limited.execute("SELECT 2 AS two", 1, Duration.ofSeconds(30), null).rows().get(0).get(0);
      } catch (SqlExecutionException e) {
        throw new IllegalStateException(e);
      }
    })).isEqualTo(2L);
  }
}
