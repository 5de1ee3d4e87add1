package io.datagent.retrieval.databricks;

import java.time.Duration;
import java.util.Map;

/**
 * What the App needs to search on Databricks, from its settings (keys below) and environment.
 *
 * <p>Keys: {@code databricks.host} (else env {@code DATABRICKS_HOST}), {@code sql.warehouse_id},
 * {@code catalog}, {@code serving_schema} (default {@code serving}), {@code embedding.endpoint},
 * {@code vector_search.enabled} (default false), {@code vector_search.index} (default
 * {@code <catalog>.<serving_schema>.document_embeddings_index}), {@code retrieval.refresh_seconds} (default 60).
 */
public record DatabricksRetrievalConfig(String host, String warehouseId, String catalog, String servingSchema,
    String embeddingEndpoint, boolean vectorSearchEnabled, String vectorSearchIndex, Duration refreshInterval) {

  public static DatabricksRetrievalConfig from(Map<String, String> settings, Map<String, String> env) {
    String host = first(settings.get("databricks.host"), env.get("DATABRICKS_HOST"));
    String catalog = settings.get("catalog");
    String schema = first(settings.get("serving_schema"), "serving");
    require(host, "databricks.host (o DATABRICKS_HOST)");
    require(settings.get("sql.warehouse_id"), "sql.warehouse_id");
    require(catalog, "catalog");
    require(settings.get("embedding.endpoint"), "embedding.endpoint");
    boolean vs = Boolean.parseBoolean(first(settings.get("vector_search.enabled"), "false"));
    String index = first(settings.get("vector_search.index"), catalog + "." + schema + ".document_embeddings_index");
    long refresh;
    try {
      refresh = Long.parseLong(first(settings.get("retrieval.refresh_seconds"), "60"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("retrieval.refresh_seconds debe ser un número de segundos");
    }
    return new DatabricksRetrievalConfig(host, settings.get("sql.warehouse_id"), catalog, schema,
        settings.get("embedding.endpoint"), vs, index, Duration.ofSeconds(refresh));
  }

  /** The fully qualified embeddings table. */
  public String embeddingsTable() {
    return catalog + "." + servingSchema + ".document_embeddings";
  }

  private static void require(String v, String key) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("Falta la configuración de búsqueda '" + key + "'");
    }
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
