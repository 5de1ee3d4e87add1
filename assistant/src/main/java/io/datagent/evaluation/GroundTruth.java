package io.datagent.evaluation;

import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.GuardedSql;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.sql.SqlRejectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the expected SQL of benchmark items, through the {@link SqlGuard} and on the same executor the agent uses, so
 * each {@code sql} item is scored against rows the database returned now. An item whose SQL the guard refuses or
 * the engine cannot run (malformed SQL, an unknown table) is flagged with the reason, never scored.
 */
public final class GroundTruth {

  /** One item with what its SQL returned ({@code rows}), or why it cannot be scored ({@code problem}). */
  public record Checked(BenchmarkItem item, QueryResult rows, String problem) {

    public boolean flagged() {
      return problem != null;
    }
  }

  private final SqlGuard guard;
  private final SqlExecutor executor;
  private final Duration timeout;

  public GroundTruth(SqlGuard guard, SqlExecutor executor, Duration timeout) {
    this.guard = guard;
    this.executor = executor;
    this.timeout = timeout;
  }

  public List<Checked> check(List<BenchmarkItem> items) {
    List<Checked> out = new ArrayList<>();
    for (BenchmarkItem item : items) {
      out.add(check(item));
    }
    return out;
  }

  /** Runs a {@code sql} item's SQL; other items pass unchanged (their expected answer is written in the item). */
  public Checked check(BenchmarkItem item) {
    if (!BenchmarkItem.Expected.SQL.equals(item.expected().type())) {
      return new Checked(item, null, null);
    }
    try {
      GuardedSql g = guard.check(item.sql());
      return new Checked(item, executor.execute(g.sql(), (int) g.limit(), timeout, null), null);
    } catch (SqlRejectedException e) {
      return new Checked(item, null, "la SQL esperada de «" + item.id() + "» no pasa el control de SQL: " + e.getMessage());
    } catch (SqlExecutionException e) {
      return new Checked(item, null, "la SQL esperada de «" + item.id() + "» falló al ejecutarse: " + e.getMessage());
    } catch (RuntimeException e) {
      return new Checked(item, null, "la SQL esperada de «" + item.id() + "» falló: " + e);
    }
  }
}
