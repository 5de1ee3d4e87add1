package io.datagent.retrieval.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.retrieval.EmbeddingModel;
import io.datagent.retrieval.Hit;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Retriever} over a Databricks Vector Search delta-sync index of {@code document_embeddings} (self-managed
 * vectors): {@code POST /api/2.0/vector-search/indexes/{name}/query} with the query vector (embedded by the same
 * endpoint as the documents) and, for hybrid search, the query text; table and kind filters go in
 * {@code filters_json}. Used instead of the in-App index when {@code vector_search.enabled}.
 */
public final class VectorSearchRetriever implements Retriever {

  static final List<String> COLUMNS = List.of("id", "kind", "table", "source_file", "source_row", "text");

  private final DatabricksHttp http;
  private final String index;
  private final EmbeddingModel queryModel;
  private final boolean hybrid;

  public VectorSearchRetriever(DatabricksHttp http, String index, EmbeddingModel queryModel, boolean hybrid) {
    if (index == null || index.isBlank()) {
      throw new IllegalArgumentException("Vector Search: the index name is empty (vector_search.index)");
    }
    this.http = http;
    this.index = index;
    this.queryModel = queryModel;
    this.hybrid = hybrid;
  }

  @Override
  public List<Hit> search(SearchRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("columns", COLUMNS);
    body.put("num_results", request.k());
    body.put("query_vector", queryModel.embed(request.text()));
    if (hybrid) {
      body.put("query_text", request.text());
    }
    body.put("query_type", hybrid ? "HYBRID" : "ANN");
    Map<String, Object> filters = new LinkedHashMap<>();
    if (!request.tables().isEmpty()) {
      filters.put("table", List.copyOf(request.tables()));
    }
    if (!request.kinds().isEmpty()) {
      filters.put("kind", List.copyOf(request.kinds()));
    }
    if (!filters.isEmpty()) {
      try {
        body.put("filters_json", DatabricksHttp.JSON.writeValueAsString(filters));
      } catch (IOException e) {
        throw new IllegalArgumentException(e);
      }
    }
    JsonNode res = http.post("/api/2.0/vector-search/indexes/" + index + "/query", body, "el índice de Vector Search " + index);
    List<String> names = new ArrayList<>();
    for (JsonNode c : res.path("manifest").path("columns")) {
      names.add(c.path("name").asText());
    }
    int score = names.indexOf("score");
    List<Hit> hits = new ArrayList<>();
    for (JsonNode row : res.path("result").path("data_array")) {
      JsonNode sourceRow = value(row, names, "source_row");
      hits.add(new Hit(text(row, names, "id"), text(row, names, "kind"), text(row, names, "table"),
          text(row, names, "source_file"), sourceRow == null || sourceRow.isNull() ? null : sourceRow.asLong(),
          text(row, names, "text"), score < 0 ? 0 : row.get(score).asDouble()));
    }
    return hits.size() > request.k() ? hits.subList(0, request.k()) : hits;
  }

  private static JsonNode value(JsonNode row, List<String> names, String column) {
    int i = names.indexOf(column);
    return i < 0 ? null : row.get(i);
  }

  private static String text(JsonNode row, List<String> names, String column) {
    JsonNode v = value(row, names, column);
    return v == null || v.isNull() ? null : v.asText();
  }
}
