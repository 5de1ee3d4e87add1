package io.datagent.retrieval.databricks;

import io.datagent.platform.Platform;
import io.datagent.platform.sql.Statements;
import io.datagent.retrieval.ModelMismatchException;
import io.datagent.retrieval.RefreshingRetriever;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.RetrieverConfig;
import java.util.List;

/**
 * Builds the App's {@link Retriever} on Databricks: queries are embedded by the serving endpoint EmbedJob used, and
 * searched either in an in-App Lucene index loaded through the SQL warehouse (refreshed when the table gets a new
 * version) or, with {@code vector_search.enabled}, in a Vector Search index. Both refuse embeddings of another model.
 */
public final class DatabricksRetrievers {

  private DatabricksRetrievers() {}

  /** @param platform the process's Databricks platform (its host should be {@code cfg.host()}) */
  public static Retriever open(DatabricksRetrievalConfig cfg, Platform platform, RetrieverConfig retrieval) {
    DatabricksEmbeddingModel model = new DatabricksEmbeddingModel(platform.serving(), cfg.embeddingEndpoint(), 16, 0);
    Statements sql = new Statements(platform, cfg.warehouseId());
    WarehouseDocumentSource source = new WarehouseDocumentSource(sql, cfg.embeddingsTable(), pageRows(model.dimension()));
    if (cfg.vectorSearchEnabled()) {
      checkModel(source, model);
      return new VectorSearchRetriever(platform.vectorSearch(), cfg.vectorSearchIndex(), model, true);
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
}
