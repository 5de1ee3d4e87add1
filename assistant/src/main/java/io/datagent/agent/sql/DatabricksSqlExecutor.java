package io.datagent.agent.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.agent.QueryResult;
import io.datagent.agent.databricks.DatabricksApiException;
import io.datagent.agent.databricks.DatabricksWorkspace;
import io.datagent.agent.sql.SqlExecutionException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs statements on a SQL warehouse through the Statement Execution API: {@code POST /api/2.0/sql/statements}
 * (INLINE, JSON_ARRAY, {@code row_limit}, {@code wait_timeout} up to 50 s), then {@code GET} polling while the
 * statement is PENDING/RUNNING and {@code POST .../cancel} at the deadline; further result chunks are fetched
 * until {@code maxRows}.
 *
 * <p>With a user token the statement runs as that user (on-behalf-of authorization), else as the service
 * principal. 429 and 5xx answers are retried with backoff (honouring Retry-After) while time remains.
 */
public final class DatabricksSqlExecutor implements SqlExecutor {

  private static final String STATEMENTS = "/api/2.0/sql/statements";
  private static final int MAX_RETRIES = 3;

  private final DatabricksWorkspace workspace;
  private final String warehouseId;
  private final String catalog;
  private final String schema;
  private final Duration poll;

  /** @param catalog the default catalog of statements (may be null); @param schema their default schema (may be null) */
  public DatabricksSqlExecutor(DatabricksWorkspace workspace, String warehouseId, String catalog, String schema) {
    this(workspace, warehouseId, catalog, schema, Duration.ofMillis(500));
  }

  public DatabricksSqlExecutor(DatabricksWorkspace workspace, String warehouseId, String catalog, String schema, Duration poll) {
    if (warehouseId == null || warehouseId.isBlank()) {
      throw new IllegalArgumentException("DATABRICKS_WAREHOUSE_ID is empty");
    }
    this.workspace = workspace;
    this.warehouseId = warehouseId;
    this.catalog = catalog;
    this.schema = schema;
    this.poll = poll;
  }

  @Override
  public QueryResult execute(String sql, int maxRows, Duration timeout, String userToken) throws SqlExecutionException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      String bearer = userToken != null && !userToken.isBlank() ? userToken : workspace.token().get();
      long wait = Math.max(5, Math.min(50, timeout.toSeconds()));
      ObjectNode body = JsonNodeFactory.instance.objectNode()
          .put("statement", sql).put("warehouse_id", warehouseId)
          .put("wait_timeout", wait + "s").put("on_wait_timeout", timeout.toSeconds() <= 50 ? "CANCEL" : "CONTINUE")
          .put("row_limit", maxRows).put("disposition", "INLINE").put("format", "JSON_ARRAY");
      if (catalog != null) {
        body.put("catalog", catalog);
      }
      if (schema != null) {
        body.put("schema", schema);
      }
      JsonNode r = call(() -> workspace.http().post(STATEMENTS, body, bearer, Duration.ofSeconds(wait + 15)), deadline);
      String id = r.path("statement_id").asText();
      Duration pause = poll;
      while (running(r)) {
        if (System.nanoTime() > deadline) {
          cancel(id, bearer);
          throw timeout(timeout);
        }
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : pause.multipliedBy(2);
        r = call(() -> workspace.http().get(STATEMENTS + "/" + id, bearer, Duration.ofSeconds(30)), deadline);
      }
      return result(r, maxRows, bearer, deadline, timeout);
    } catch (DatabricksApiException e) {
      throw fromApi(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SqlExecutionException(Kind.TIMEOUT, "Consulta interrumpida.", e);
    }
  }

  private QueryResult result(JsonNode r, int maxRows, String bearer, long deadline, Duration timeout)
      throws SqlExecutionException, DatabricksApiException, InterruptedException {
    String state = r.path("status").path("state").asText();
    switch (state) {
      case "SUCCEEDED" -> { }
      case "FAILED" -> {
        JsonNode err = r.path("status").path("error");
        throw new SqlExecutionException(Kind.SQL, err.path("message").asText("la consulta falló en el almacén SQL"));
      }
      case "CANCELED" -> throw timeout(timeout);
      default -> throw new SqlExecutionException(Kind.UNAVAILABLE, "Estado inesperado de la consulta: " + state);
    }
    List<String> columns = new ArrayList<>();
    List<String> typeNames = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (JsonNode c : r.path("manifest").path("schema").path("columns")) {
      columns.add(c.path("name").asText());
      typeNames.add(c.path("type_name").asText("STRING"));
      types.add(c.path("type_text").asText(c.path("type_name").asText("STRING")));
    }
    List<List<Object>> rows = new ArrayList<>();
    JsonNode chunk = r.path("result");
    boolean truncated = r.path("manifest").path("truncated").asBoolean(false);
    while (true) {
      for (JsonNode row : chunk.path("data_array")) {
        if (rows.size() >= maxRows) {
          truncated = true;
          break;
        }
        List<Object> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
          values.add(StatementValues.convert(row.get(i), typeNames.get(i)));
        }
        rows.add(values);
      }
      String next = chunk.path("next_chunk_internal_link").asText(null);
      if (next == null || rows.size() >= maxRows) {
        truncated |= next != null;
        break;
      }
      if (System.nanoTime() > deadline) {
        throw timeout(timeout);
      }
      chunk = call(() -> workspace.http().get(next, bearer, Duration.ofSeconds(30)), deadline);
    }
    return new QueryResult(columns, types, rows, truncated);
  }

  private static boolean running(JsonNode r) {
    String s = r.path("status").path("state").asText();
    return s.equals("PENDING") || s.equals("RUNNING");
  }

  private void cancel(String id, String bearer) {
    try {
      workspace.http().post(STATEMENTS + "/" + id + "/cancel", JsonNodeFactory.instance.objectNode(), bearer, Duration.ofSeconds(10));
    } catch (DatabricksApiException | InterruptedException e) {
      // best effort: the warehouse also drops statements nobody polls
    }
  }

  private interface Call {
    JsonNode run() throws DatabricksApiException, InterruptedException;
  }

  /** One REST call, retried on 429/5xx/unreachable with backoff while the deadline allows. */
  private static JsonNode call(Call call, long deadline) throws DatabricksApiException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.run();
      } catch (DatabricksApiException e) {
        Duration backoff = e.retryAfter() != null ? e.retryAfter() : Duration.ofMillis(250L << attempt);
        if (!e.retriable() || attempt >= MAX_RETRIES || System.nanoTime() + backoff.toNanos() > deadline) {
          throw e;
        }
        Thread.sleep(backoff.toMillis());
      }
    }
  }

  private static SqlExecutionException timeout(Duration timeout) {
    return new SqlExecutionException(Kind.TIMEOUT, "La consulta superó el tiempo máximo de " + timeout.toSeconds()
        + " s y se canceló. Simplifíquela o filtre más.");
  }

  private static SqlExecutionException fromApi(DatabricksApiException e) {
    int s = e.status();
    if (s == 400 || s == 404 && "TABLE_OR_VIEW_NOT_FOUND".equals(e.errorCode())) {
      return new SqlExecutionException(Kind.SQL, e.getMessage(), e);
    }
    String what = s == 429 ? "El almacén SQL está saturado (HTTP 429)"
        : s == 401 || s == 403 ? "Sin permiso en el almacén SQL (HTTP " + s + ")"
        : s == 0 ? "No se pudo contactar el almacén SQL"
        : "El almacén SQL respondió con error (HTTP " + s + ")";
    return new SqlExecutionException(Kind.UNAVAILABLE, what + ": " + e.getMessage(), e);
  }
}
