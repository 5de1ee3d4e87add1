package io.datagent.agent.tool;

import io.datagent.agent.AnswerListener;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.retrieval.Retriever;
import java.time.Duration;

/**
 * The agent's four tools over the shared backends: {@value #SEARCH} (the retrieval library), {@value #LIST} and
 * {@value #DESCRIBE} (the {@link TableCatalog}), {@value #RUN_SQL} ({@link SqlGuard} then {@link SqlExecutor}).
 * Each answer gets its own {@link ToolSession}, which records what was called.
 */
public final class Toolbox {

  public static final String SEARCH = "search_documents";
  public static final String LIST = "list_tables";
  public static final String DESCRIBE = "describe_table";
  public static final String RUN_SQL = "run_sql";

  final Retriever retriever;
  final TableCatalog catalog;
  final SqlGuard guard;
  final SqlExecutor executor;
  final Duration sqlTimeout;
  final int maxSqlAttempts;

  /** @param maxSqlAttempts how many failed SQL statements (refused, erroneous, timed out) one answer may make */
  public Toolbox(Retriever retriever, TableCatalog catalog, SqlGuard guard, SqlExecutor executor, Duration sqlTimeout,
      int maxSqlAttempts) {
    this.retriever = retriever;
    this.catalog = catalog;
    this.guard = guard;
    this.executor = executor;
    this.sqlTimeout = sqlTimeout;
    this.maxSqlAttempts = maxSqlAttempts;
  }

  public TableCatalog catalog() {
    return catalog;
  }

  public Retriever retriever() {
    return retriever;
  }

  public SqlGuard guard() {
    return guard;
  }

  /** A new session for one answer; {@code userToken} (nullable) is forwarded to the SQL engine. */
  public ToolSession session(String userToken, AnswerListener listener) {
    return new ToolSession(this, userToken, listener == null ? AnswerListener.NONE : listener);
  }
}
