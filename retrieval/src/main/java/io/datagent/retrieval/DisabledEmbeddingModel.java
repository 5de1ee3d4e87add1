package io.datagent.retrieval;

import java.util.List;

/**
 * The embedding model of a deployment that has none: every call fails loudly with the reason. A retriever built with
 * it must run in {@link SearchMode#LEXICAL}.
 */
public final class DisabledEmbeddingModel implements EmbeddingModel {

  private final String reason;

  public DisabledEmbeddingModel(String reason) {
    this.reason = reason;
  }

  @Override
  public String id() {
    return "disabled";
  }

  @Override
  public int dimension() {
    return 0;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    throw new EmbeddingException("No hay modelo de embeddings configurado: " + reason);
  }
}
