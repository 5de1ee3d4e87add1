package io.datagent.embedding;

import io.datagent.retrieval.EmbeddingModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedding models of this JVM, one per {@link EmbedderSpec}, created on first use and then shared by every
 * task of the executor (loading the ONNX model takes about a second; it must not happen per partition).
 *
 * <p>NOTE: a static cache is deliberate: Spark gives tasks no other per-executor place to keep an object.
 */
public final class Embedders {

  private static final Map<EmbedderSpec, EmbeddingModel> MODELS = new ConcurrentHashMap<>();

  private Embedders() {}

  public static EmbeddingModel get(EmbedderSpec spec) {
    return MODELS.computeIfAbsent(spec, EmbedderSpec::create);
  }
}
