package io.datagent.retrieval.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each ranking gives a document
 * {@code weight / (k + rank)} with rank starting at 1, and the sums order the fused list. Only ranks matter, so
 * BM25 scores and cosine similarities need no calibration against each other.
 */
public final class ReciprocalRankFusion {

  /** The constant from the paper; larger values flatten the advantage of the very first ranks. */
  public static final int DEFAULT_K = 60;

  private final int k;

  public ReciprocalRankFusion(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("RRF k must be positive, got " + k);
    }
    this.k = k;
  }

  /** One ranking to fuse: keys in rank order and the weight of this ranking. */
  public record Ranking<T>(List<T> keys, double weight) {}

  /** A fused entry. */
  public record Fused<T>(T key, double score) {}

  /** Fuses the rankings; ties keep the order of first appearance (so the first ranking breaks ties). */
  @SafeVarargs
  public final <T> List<Fused<T>> fuse(Ranking<T>... rankings) {
    Map<T, Double> scores = new LinkedHashMap<>();
    for (Ranking<T> r : rankings) {
      List<T> keys = r.keys();
      for (int i = 0; i < keys.size(); i++) {
        scores.merge(keys.get(i), r.weight() / (k + i + 1), Double::sum);
      }
    }
    List<Fused<T>> out = new ArrayList<>(scores.size());
    scores.forEach((key, s) -> out.add(new Fused<>(key, s)));
    out.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
    return out;
  }
}
