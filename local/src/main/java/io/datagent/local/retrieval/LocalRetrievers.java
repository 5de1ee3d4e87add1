package io.datagent.local.retrieval;

import io.datagent.embedding.OnnxEmbeddingModel;
import io.datagent.retrieval.EmbeddingModel;
import io.datagent.retrieval.RefreshingRetriever;
import io.datagent.retrieval.RetrieverConfig;
import java.nio.file.Path;

/**
 * Builds the local {@link io.datagent.retrieval.Retriever}: the workspace's {@code serving.document_embeddings}
 * read with Delta Kernel into an in-process Lucene index (BM25 + HNSW, hybrid), refreshed when the table gets a new
 * version. Close it when done.
 */
public final class LocalRetrievers {

  public static final String SCHEMA = "serving";
  public static final String TABLE = "document_embeddings";

  private LocalRetrievers() {}

  /**
   * @param workspaceTablesDir the workspace's {@code tables} folder (e.g. {@code .workspace/tables})
   * @param queryModel         the model that embedded the documents (see {@link #defaultModel()})
   */
  public static RefreshingRetriever open(Path workspaceTablesDir, EmbeddingModel queryModel) {
    return open(workspaceTablesDir, queryModel, RetrieverConfig.defaults());
  }

  public static RefreshingRetriever open(Path workspaceTablesDir, EmbeddingModel queryModel, RetrieverConfig config) {
    Path table = workspaceTablesDir.resolve(SCHEMA).resolve(TABLE);
    return RefreshingRetriever.open(new DeltaKernelDocumentSource(table), queryModel, config);
  }

  /** The model {@code ./agent embed} uses, for queries (all cores: one caller at a time). */
  public static EmbeddingModel defaultModel() {
    return OnnxEmbeddingModel.load(Runtime.getRuntime().availableProcessors());
  }
}
