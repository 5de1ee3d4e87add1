package io.datagent.platform.sql;

import java.time.Duration;
import java.util.Map;

/**
 * One SQL statement for a warehouse: the text, its named string parameters ({@code :name} markers), the default
 * catalog and schema (null for none), the row limit and the time it may take (polled, then cancelled).
 */
public record StatementRequest(String sql, Map<String, String> parameters, String catalog, String schema, long rowLimit,
    Duration timeout) {

  public StatementRequest {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
  }

  public static StatementRequest of(String sql, Map<String, String> parameters) {
    return new StatementRequest(sql, parameters, null, null, 0, null);
  }
}
