package io.datagent.platform.vectorsearch;

import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.service.vectorsearch.QueryVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.QueryVectorIndexResponse;
import com.databricks.sdk.service.vectorsearch.SyncIndexRequest;
import io.datagent.platform.Json;
import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * Vector Search through the SDK: queries ({@code POST /api/2.0/vector-search/indexes/{name}/query}), the sync of a
 * TRIGGERED index ({@code POST .../{name}/sync}) and its state ({@code GET .../{name}}).
 */
public final class VectorSearch {

  private final Platform platform;

  public VectorSearch(Platform platform) {
    this.platform = platform;
  }

  public QueryVectorIndexResponse query(QueryVectorIndexRequest request) {
    return platform.call(Operation.of("query Vector Search index " + request.getIndexName(),
        "buscar en el índice de Vector Search " + request.getIndexName()), w -> w.vectorSearchIndexes().queryIndex(request));
  }

  /** Starts a sync of a TRIGGERED Delta Sync index; the index then reads its source table's change feed on its own. */
  public void sync(String index) {
    platform.call(Operation.of("sync Vector Search index " + index, "sincronizar el índice de Vector Search " + index),
        w -> {
          w.vectorSearchIndexes().syncIndex(new SyncIndexRequest().setIndexName(index));
          return null;
        });
  }

  /**
   * The index's state. Read as JSON through the SDK's own {@code ApiClient} (auth, retries, error mapping), because
   * the typed {@code getIndex} drops {@code detailed_state} and {@code triggered_update_status} (see
   * {@link IndexStatus}).
   */
  public IndexStatus status(String index) {
    String path = "/api/2.0/vector-search/indexes/" + URLEncoder.encode(index, StandardCharsets.UTF_8);
    return platform.call(Operation.of("get Vector Search index " + index,
        "consultar el estado del índice de Vector Search " + index), w -> {
          try {
            Request get = new Request(Request.GET, path).withHeader("Accept", "application/json");
            LinkedHashMap<?, ?> body = w.apiClient().execute(get, LinkedHashMap.class);
            return IndexStatus.of(Json.mapper().valueToTree(body));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
