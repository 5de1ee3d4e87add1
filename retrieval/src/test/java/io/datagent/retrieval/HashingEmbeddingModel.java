package io.datagent.retrieval;

import io.datagent.retrieval.lucene.LexicalQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic stand-in embedding model for tests of the index (not of embeddings): a hashed bag of the analysed
 * terms, so texts sharing words have close vectors. Counts its calls.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {

  private final String id;
  private final int dimension;
  public int calls;

  public HashingEmbeddingModel(String id, int dimension) {
    this.id = id;
    this.dimension = dimension;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    calls++;
    List<float[]> out = new ArrayList<>();
    for (String t : texts) {
      float[] v = new float[dimension];
      v[0] = 0.01f;
      for (String term : LexicalQuery.terms(t)) {
        v[Math.floorMod(term.hashCode(), dimension)] += 1f;
      }
      out.add(v);
    }
    return out;
  }
}
