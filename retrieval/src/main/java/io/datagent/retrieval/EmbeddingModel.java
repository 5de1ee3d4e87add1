package io.datagent.retrieval;

import java.util.List;

/**
 * Turns texts into vectors for semantic search.
 *
 * <p>Implementations: the local ONNX model (module {@code jobs}, {@code io.datagent.embedding.OnnxEmbeddingModel}),
 * a Databricks Model Serving endpoint ({@link io.datagent.retrieval.databricks.DatabricksEmbeddingModel}) and
 * {@link DisabledEmbeddingModel}. The index records {@link #id()} and {@link #dimension()} and refuses to mix models.
 * Implementations are thread-safe.
 */
public interface EmbeddingModel {

  /** Stable identifier recorded with every vector, e.g. {@code onnx/all-minilm-l6-v2-q}. */
  String id();

  /** Length of every vector this model returns. */
  int dimension();

  /**
   * One vector per text, in order. Throws {@link EmbeddingException} (with the cause and what to do) when the model
   * cannot answer; never returns a partial list.
   */
  List<float[]> embedAll(List<String> texts);

  default float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }
}
