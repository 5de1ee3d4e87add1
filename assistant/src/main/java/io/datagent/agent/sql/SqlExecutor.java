package io.datagent.agent.sql;

import io.datagent.agent.QueryResult;
import java.time.Duration;

/**
 * Runs one read-only SQL statement and returns its rows.
 *
 * <p>Implementations: {@link DatabricksSqlExecutor} (a SQL warehouse through the Statement Execution API) and, in
 * the local runtime, {@code io.datagent.local.agent.SparkSqlExecutor}; {@link DisabledSqlExecutor} when none is
 * configured.
 *
 * <p>NOTE: this port does not check the statement; callers pass it through {@link SqlGuard} first. At most
 * {@code maxRows} rows come back ({@link QueryResult#truncated()} tells whether more existed); a statement still
 * running after {@code timeout} is cancelled and reported as {@link SqlExecutionException.Kind#TIMEOUT}.
 */
public interface SqlExecutor {

  /**
   * @param userToken the user's forwarded token to run as that user, or null to run as the service's identity
   * @throws SqlExecutionException when the statement fails, times out, or the engine cannot be reached
   */
  QueryResult execute(String sql, int maxRows, Duration timeout, String userToken) throws SqlExecutionException;
}
