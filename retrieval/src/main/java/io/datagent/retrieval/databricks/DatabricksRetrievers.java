package io.datagent.retrieval.databricks;

import io.datagent.retrieval.ModelMismatchException;
import io.datagent.retrieval.RefreshingRetriever;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.RetrieverConfig;
import java.util.List;
import java.util.Map;

/**
 * Builds the App's {@link Retriever} on Databricks: queries are embedded by the serving endpoint EmbedJob used, and
 * searched either in an in-App Lucene index loaded through the SQL warehouse (refreshed when the table gets a new
 * version) or, with {@code vector_search.enabled}, in a Vector Search index. Both refuse embeddings of another model.
 */
public final class DatabricksRetrievers {

  private DatabricksRetrievers() {}

  public static Retriever open(DatabricksRetrievalConfig cfg, DatabricksCredentials credentials, RetrieverConfig retrieval) {
    DatabricksHttp http = new DatabricksHttp(DatabricksHttp.Settings.of(cfg.host(), credentials));
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(http, cfg.embeddingEndpoint(), 16, 0);
    StatementExecution sql = new StatementExecution(http, cfg.warehouseId());
    WarehouseDocumentSource source = new WarehouseDocumentSource(sql, cfg.embeddingsTable(), pageRows(model.dimension()));
    if (cfg.vectorSearchEnabled()) {
      checkModel(source, model);
      return new VectorSearchRetriever(http, cfg.vectorSearchIndex(), model, true);
    }
    return RefreshingRetriever.open(source, model, retrieval.withRefreshInterval(cfg.refreshInterval()));
  }

  /** Refuses a table whose vectors come from another model than {@code model}. */
  static void checkModel(WarehouseDocumentSource source, DatabricksEmbeddingModel model) {
    for (List<String> row : source.models()) {
      int dim = row.get(1) == null ? 0 : Integer.parseInt(row.get(1));
      if (!model.id().equals(row.get(0)) || dim != model.dimension()) {
        throw new ModelMismatchException(source.describe(), row.get(0), dim, model.id(), model.dimension());
      }
    }
  }

  static int pageRows(int dimension) {
    // ~12 bytes per float as JSON text plus the document text: stay near 10 MB per page.
    return Math.max(200, 10_000_000 / (dimension * 12 + 4_000));
  }

  /** Settings from a map plus the process environment. */
  public static Retriever fromEnvironment(Map<String, String> settings, RetrieverConfig retrieval) {
    DatabricksRetrievalConfig cfg = DatabricksRetrievalConfig.from(settings, System.getenv());
    return open(cfg, DatabricksCredentials.fromEnv(cfg.host(), System.getenv()), retrieval);
  }
}
