package io.datagent.retrieval.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.retrieval.EmbeddingException;
import io.datagent.retrieval.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Databricks Model Serving embedding endpoint ({@code POST /serving-endpoints/{name}/invocations} with
 * {@code {"input": [...]}}, answered as {@code {"data": [{"index": i, "embedding": [...]}]}}), called in batches
 * with the retries of {@link DatabricksHttp}. EmbedJob and the App share one endpoint so documents and queries are
 * embedded by the same model.
 *
 * <p>Every answer is checked: one vector per input, all of the endpoint's dimension (learned from the first answer
 * unless given), finite values. A wrong answer is an {@link EmbeddingException}, never a partial result.
 */
public final class DatabricksEmbeddingModel implements EmbeddingModel {

  private final DatabricksHttp http;
  private final String endpoint;
  private final int batchSize;
  private volatile int dimension;

  /**
   * @param dimension the expected vector length, or 0 to learn it from the endpoint's first answer
   */
  public DatabricksEmbeddingModel(DatabricksHttp http, String endpoint, int batchSize, int dimension) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("Databricks embeddings: the serving endpoint name is empty");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("Databricks embeddings: batch size must be positive, got " + batchSize);
    }
    this.http = http;
    this.endpoint = endpoint;
    this.batchSize = batchSize;
    this.dimension = dimension;
  }

  @Override
  public String id() {
    return "databricks/" + endpoint;
  }

  /** The endpoint's vector length; asks the endpoint once when it was not given. */
  @Override
  public int dimension() {
    if (dimension == 0) {
      embedAll(List.of("dimensión"));
    }
    return dimension;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += batchSize) {
      out.addAll(batch(texts.subList(from, Math.min(texts.size(), from + batchSize))));
    }
    return out;
  }

  private List<float[]> batch(List<String> texts) {
    JsonNode res;
    try {
      res = http.post("/serving-endpoints/" + endpoint + "/invocations", Map.of("input", texts),
          "el endpoint de embeddings '" + endpoint + "'");
    } catch (DatabricksApiException e) {
      throw new EmbeddingException(e.getMessage() + ". Compruebe que el endpoint existe, está en estado READY y que "
          + "la identidad que lo llama tiene permiso CAN_QUERY.", e);
    }
    JsonNode data = res.path("data");
    if (!data.isArray() || data.size() != texts.size()) {
      throw new EmbeddingException("el endpoint de embeddings '" + endpoint + "' devolvió " + (data.isArray() ? data.size() : 0)
          + " vectores para " + texts.size() + " textos; se esperaba un campo data con uno por texto");
    }
    float[][] vectors = new float[texts.size()][];
    for (int i = 0; i < data.size(); i++) {
      JsonNode item = data.get(i);
      int index = item.path("index").asInt(i);
      JsonNode emb = item.path("embedding");
      if (index < 0 || index >= vectors.length || !emb.isArray()) {
        throw new EmbeddingException("el endpoint de embeddings '" + endpoint + "' devolvió un elemento inválido en la posición " + i);
      }
      vectors[index] = toVector(emb);
    }
    List<float[]> out = new ArrayList<>(vectors.length);
    for (float[] v : vectors) {
      if (v == null) {
        throw new EmbeddingException("el endpoint de embeddings '" + endpoint + "' repitió índices y omitió otros");
      }
      out.add(v);
    }
    return out;
  }

  private float[] toVector(JsonNode emb) {
    int n = emb.size();
    synchronized (this) {
      if (dimension == 0) {
        dimension = n;
      }
    }
    if (n != dimension) {
      throw new EmbeddingException("el endpoint de embeddings '" + endpoint + "' devolvió un vector de " + n
          + " dimensiones; se esperaban " + dimension + ". Si el endpoint cambió de modelo, vuelva a generar todos "
          + "los embeddings (EmbedJob --rebuild) y reinicie la App.");
    }
    float[] v = new float[n];
    for (int j = 0; j < n; j++) {
      double d = emb.get(j).asDouble(Double.NaN);
      if (!Double.isFinite(d)) {
        throw new EmbeddingException("el endpoint de embeddings '" + endpoint + "' devolvió un valor no numérico");
      }
      v[j] = (float) d;
    }
    return v;
  }
}
