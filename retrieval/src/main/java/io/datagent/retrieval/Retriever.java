package io.datagent.retrieval;

import java.util.List;

/**
 * Finds the documents (table cards, rows, passages) that best answer a search text: the agent's search tool.
 *
 * <p>Implementations: {@link RefreshingRetriever} over an in-process Lucene index (BM25 with Spanish analysis plus
 * HNSW vectors, fused by reciprocal rank fusion) loaded from the Delta tables, locally or through a Databricks SQL
 * warehouse; and {@link io.datagent.retrieval.databricks.VectorSearchRetriever} over a Databricks Vector Search
 * index. Implementations are thread-safe.
 */
public interface Retriever {

  /** Hits in decreasing score order, at most {@code request.k()}; never null. */
  List<Hit> search(SearchRequest request);
}
