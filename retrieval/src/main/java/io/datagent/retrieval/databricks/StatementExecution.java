package io.datagent.retrieval.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs SQL on a Databricks SQL warehouse through the Statement Execution API ({@code POST /api/2.0/sql/statements},
 * {@code INLINE} disposition, {@code JSON_ARRAY} format): waits up to 30 s in the call, then polls
 * {@code GET /api/2.0/sql/statements/{id}}, and follows {@code next_chunk_internal_link} for results in several
 * chunks. A FAILED statement raises {@link DatabricksApiException} with the warehouse's error code and message.
 */
public final class StatementExecution {

  /** The rows of a result: values as the API gives them (strings, or null for SQL NULL). */
  public record Result(List<String> columns, List<List<String>> rows) {
    public int column(String name) {
      int i = columns.indexOf(name);
      if (i < 0) {
        throw new IllegalStateException("el resultado no tiene la columna " + name + " (tiene " + columns + ")");
      }
      return i;
    }
  }

  private final DatabricksHttp http;
  private final String warehouseId;
  private final Duration maxWait;
  private final Duration pollInterval;

  public StatementExecution(DatabricksHttp http, String warehouseId, Duration maxWait, Duration pollInterval) {
    if (warehouseId == null || warehouseId.isBlank()) {
      throw new IllegalArgumentException("Databricks SQL: the warehouse id is empty");
    }
    this.http = http;
    this.warehouseId = warehouseId;
    this.maxWait = maxWait;
    this.pollInterval = pollInterval;
  }

  public StatementExecution(DatabricksHttp http, String warehouseId) {
    this(http, warehouseId, Duration.ofMinutes(10), Duration.ofMillis(500));
  }

  /** Runs {@code sql} with named string parameters ({@code :name} markers). */
  public Result execute(String sql, Map<String, String> parameters) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("warehouse_id", warehouseId);
    body.put("statement", sql);
    body.put("wait_timeout", "30s");
    body.put("on_wait_timeout", "CONTINUE");
    body.put("disposition", "INLINE");
    body.put("format", "JSON_ARRAY");
    if (!parameters.isEmpty()) {
      List<Map<String, String>> ps = new ArrayList<>();
      parameters.forEach((k, v) -> ps.add(Map.of("name", k, "value", v, "type", "STRING")));
      body.put("parameters", ps);
    }
    JsonNode res = http.post("/api/2.0/sql/statements", body, "la consulta al SQL warehouse " + warehouseId);
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (isRunning(res)) {
      if (System.nanoTime() > deadline) {
        throw new DatabricksApiException("la consulta al SQL warehouse " + warehouseId + " no terminó en "
            + maxWait.toSeconds() + " s", 0, "TIMEOUT", null);
      }
      sleep(pollInterval.toMillis());
      res = http.get("/api/2.0/sql/statements/" + res.path("statement_id").asText(), "el estado de la consulta");
    }
    String state = res.path("status").path("state").asText();
    if (!"SUCCEEDED".equals(state)) {
      JsonNode err = res.path("status").path("error");
      throw new DatabricksApiException("la consulta al SQL warehouse terminó en " + state + ": "
          + err.path("message").asText("sin mensaje"), 0, err.path("error_code").asText(null), null);
    }
    List<String> columns = new ArrayList<>();
    for (JsonNode c : res.path("manifest").path("schema").path("columns")) {
      columns.add(c.path("name").asText());
    }
    List<List<String>> rows = new ArrayList<>();
    JsonNode chunk = res.path("result");
    while (true) {
      for (JsonNode r : chunk.path("data_array")) {
        List<String> row = new ArrayList<>(r.size());
        for (JsonNode v : r) {
          row.add(v.isNull() ? null : v.asText());
        }
        rows.add(row);
      }
      String next = chunk.path("next_chunk_internal_link").asText(null);
      if (next == null || next.isBlank()) {
        break;
      }
      chunk = http.get(next, "un bloque del resultado");
    }
    return new Result(columns, rows);
  }

  private static boolean isRunning(JsonNode res) {
    String state = res.path("status").path("state").asText();
    return "PENDING".equals(state) || "RUNNING".equals(state);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabricksApiException("interrumpido", 0, null, e);
    }
  }
}
