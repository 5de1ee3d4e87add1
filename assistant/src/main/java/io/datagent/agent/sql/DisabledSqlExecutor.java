package io.datagent.agent.sql;

import io.datagent.agent.QueryResult;
import java.time.Duration;

/** The {@link SqlExecutor} of a deployment with no SQL engine configured: every call fails, saying what is missing. */
public final class DisabledSqlExecutor implements SqlExecutor {

  private final String why;

  public DisabledSqlExecutor(String why) {
    this.why = why;
  }

  @Override
  public QueryResult execute(String sql, int maxRows, Duration timeout, String userToken) throws SqlExecutionException {
    throw new SqlExecutionException(SqlExecutionException.Kind.UNAVAILABLE, "No hay motor SQL configurado: " + why);
  }
}
