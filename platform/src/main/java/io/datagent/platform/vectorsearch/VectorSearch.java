package io.datagent.platform.vectorsearch;

import com.databricks.sdk.service.vectorsearch.QueryVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.QueryVectorIndexResponse;
import io.datagent.platform.Operation;
import io.datagent.platform.Platform;

/** Vector Search through the SDK ({@code POST /api/2.0/vector-search/indexes/{name}/query}). */
public final class VectorSearch {

  private final Platform platform;

  public VectorSearch(Platform platform) {
    this.platform = platform;
  }

  public QueryVectorIndexResponse query(QueryVectorIndexRequest request) {
    return platform.call(Operation.of("query Vector Search index " + request.getIndexName(),
        "buscar en el índice de Vector Search " + request.getIndexName()), w -> w.vectorSearchIndexes().queryIndex(request));
  }
}
