package io.datagent.retrieval.databricks;

import com.databricks.sdk.service.vectorsearch.ColumnInfo;
import com.databricks.sdk.service.vectorsearch.QueryVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.QueryVectorIndexResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.platform.vectorsearch.VectorSearch;
import io.datagent.retrieval.EmbeddingModel;
import io.datagent.retrieval.Hit;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.SearchRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Retriever} over a Databricks Vector Search delta-sync index of {@code document_embeddings} (self-managed
 * vectors), queried through the platform layer with the query vector (embedded by the same endpoint as the
 * documents) and, for hybrid search, the query text; table and kind filters go in {@code filters_json}. Used
 * instead of the in-App index when {@code vector_search.enabled}.
 */
public final class VectorSearchRetriever implements Retriever {

  static final List<String> COLUMNS = List.of("id", "kind", "table", "source_file", "source_row", "text");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final VectorSearch vectorSearch;
  private final String index;
  private final EmbeddingModel queryModel;
  private final boolean hybrid;

  public VectorSearchRetriever(VectorSearch vectorSearch, String index, EmbeddingModel queryModel, boolean hybrid) {
    if (index == null || index.isBlank()) {
      throw new IllegalArgumentException("Vector Search: the index name is empty (vector_search.index)");
    }
    this.vectorSearch = vectorSearch;
    this.index = index;
    this.queryModel = queryModel;
    this.hybrid = hybrid;
  }

  @Override
  public List<Hit> search(SearchRequest request) {
    List<Double> vector = new ArrayList<>();
    for (float f : queryModel.embed(request.text())) {
      vector.add((double) f);
    }
    QueryVectorIndexRequest q = new QueryVectorIndexRequest().setIndexName(index).setColumns(COLUMNS)
        .setNumResults((long) request.k()).setQueryVector(vector).setQueryType(hybrid ? "HYBRID" : "ANN");
    if (hybrid) {
      q.setQueryText(request.text());
    }
    Map<String, Object> filters = new LinkedHashMap<>();
    if (!request.tables().isEmpty()) {
      filters.put("table", List.copyOf(request.tables()));
    }
    if (!request.kinds().isEmpty()) {
      filters.put("kind", List.copyOf(request.kinds()));
    }
    if (!filters.isEmpty()) {
      try {
        q.setFiltersJson(JSON.writeValueAsString(filters));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
    QueryVectorIndexResponse res = vectorSearch.query(q);
    List<String> names = new ArrayList<>();
    if (res.getManifest() != null && res.getManifest().getColumns() != null) {
      for (ColumnInfo c : res.getManifest().getColumns()) {
        names.add(c.getName());
      }
    }
    List<Hit> hits = new ArrayList<>();
    if (res.getResult() != null && res.getResult().getDataArray() != null) {
      for (Collection<String> values : res.getResult().getDataArray()) {
        List<String> row = new ArrayList<>(values);
        String sourceRow = value(row, names, "source_row");
        String score = value(row, names, "score");
        hits.add(new Hit(value(row, names, "id"), value(row, names, "kind"), value(row, names, "table"),
            value(row, names, "source_file"), sourceRow == null ? null : (long) Double.parseDouble(sourceRow),
            value(row, names, "text"), score == null ? 0 : Double.parseDouble(score)));
      }
    }
    return hits.size() > request.k() ? hits.subList(0, request.k()) : hits;
  }

  private static String value(List<String> row, List<String> names, String column) {
    int i = names.indexOf(column);
    return i < 0 || i >= row.size() ? null : row.get(i);
  }
}
