package io.datagent.retrieval.databricks;

import io.datagent.platform.PlatformException;
import io.datagent.platform.serving.Serving;
import io.datagent.retrieval.EmbeddingException;
import io.datagent.retrieval.EmbeddingModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A Databricks Model Serving embedding endpoint ({@code POST /serving-endpoints/{name}/invocations} with
 * {@code {"input": [...]}}, answered as {@code {"data": [{"index": i, "embedding": [...]}]}}), called in batches
 * through the platform layer (the SDK's retries). EmbedJob and the App share one endpoint so documents and queries are
 * embedded by the same model.
 *
 * <p>Every answer is checked: one vector per input, all of the endpoint's dimension (learned from the first answer
 * unless given), finite values. A wrong answer is an {@link EmbeddingException}, never a partial result.
 */
public final class DatabricksEmbeddingModel implements EmbeddingModel {

  private final Serving serving;
  private final String endpoint;
  private final int batchSize;
  private volatile int dimension;

  /**
   * @param dimension the expected vector length, or 0 to learn it from the endpoint's first answer
   */
  public DatabricksEmbeddingModel(Serving serving, String endpoint, int batchSize, int dimension) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("Databricks embeddings: the serving endpoint name is empty");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("Databricks embeddings: batch size must be positive, got " + batchSize);
    }
    this.serving = serving;
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
    List<Serving.Embedding> data;
    try {
      data = serving.embed(endpoint, texts);
    } catch (PlatformException e) {
      throw new EmbeddingException(e.userMessage() + " Compruebe que el endpoint '" + endpoint + "' existe, está en "
          + "estado READY y que la identidad que lo llama tiene permiso CAN_QUERY. [" + e.getMessage() + "]", e);
    }
    if (data.size() != texts.size()) {
      throw new EmbeddingException("el endpoint de embeddings '" + endpoint + "' devolvió " + data.size()
          + " vectores para " + texts.size() + " textos; se esperaba un campo data con uno por texto");
    }
    float[][] vectors = new float[texts.size()][];
    for (int i = 0; i < data.size(); i++) {
      Serving.Embedding item = data.get(i);
      int index = item.index() < 0 ? i : item.index();
      if (index >= vectors.length || item.vector() == null) {
        throw new EmbeddingException("el endpoint de embeddings '" + endpoint + "' devolvió un elemento inválido en la posición " + i);
      }
      vectors[index] = toVector(item.vector());
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

  private float[] toVector(Collection<Double> emb) {
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
    int j = 0;
    for (Double value : emb) {
      double d = value == null ? Double.NaN : value;
      if (!Double.isFinite(d)) {
        throw new EmbeddingException("el endpoint de embeddings '" + endpoint + "' devolvió un valor no numérico");
      }
      v[j++] = (float) d;
    }
    return v;
  }
}
