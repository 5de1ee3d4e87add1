package io.datagent.agent.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException.Kind;
import io.datagent.platform.PlatformException;
import io.datagent.platform.sql.StatementRequest;
import io.datagent.platform.sql.StatementResult;
import io.datagent.platform.sql.Statements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs (already guarded) statements on the SQL warehouse through the platform layer's {@link Statements}: INLINE
 * JSON_ARRAY results, a row limit, polled and cancelled at the timeout, further chunks fetched until
 * {@code maxRows}. With a user token the statement runs as that user (on-behalf-of authorization), else as the
 * service principal. Values are typed from the result's column types ({@link StatementValues}).
 */
public final class DatabricksSqlExecutor implements SqlExecutor {

  private final Statements statements;
  private final String catalog;
  private final String schema;

  /** @param catalog the default catalog of statements (may be null); @param schema their default schema (may be null) */
  public DatabricksSqlExecutor(Statements statements, String catalog, String schema) {
    this.statements = statements;
    this.catalog = catalog;
    this.schema = schema;
  }

  @Override
  public QueryResult execute(String sql, int maxRows, Duration timeout, String userToken) throws SqlExecutionException {
    StatementResult r;
    try {
      r = statements.execute(new StatementRequest(sql, Map.of(), catalog, schema, maxRows, timeout), userToken);
    } catch (PlatformException e) {
      throw fromPlatform(e);
    }
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (StatementResult.Column c : r.columns()) {
      columns.add(c.name());
      types.add(c.typeText());
    }
    List<List<Object>> rows = new ArrayList<>(r.rows().size());
    for (List<String> row : r.rows()) {
      List<Object> values = new ArrayList<>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        String v = i < row.size() ? row.get(i) : null;
        JsonNode node = v == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(v);
        values.add(StatementValues.convert(node, r.columns().get(i).typeName()));
      }
      rows.add(values);
    }
    return new QueryResult(columns, types, rows, r.truncated());
  }

  static SqlExecutionException fromPlatform(PlatformException e) {
    if ("STATEMENT_TIMEOUT".equals(e.errorCode())) {
      return new SqlExecutionException(Kind.TIMEOUT, e.userMessage(), e);
    }
    if (e.status() == 400 || e.status() == 404 && "TABLE_OR_VIEW_NOT_FOUND".equals(e.errorCode())) {
      return new SqlExecutionException(Kind.SQL, e.userMessage(), e);
    }
    return new SqlExecutionException(Kind.UNAVAILABLE, e.userMessage(), e);
  }
}
