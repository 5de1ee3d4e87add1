package io.datagent.optimization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a candidate fared on a set of benchmark items: the share of exact answers per kind, how many items each kind
 * had, and the ids of the items not answered exactly (what an instruction rewrite learns from).
 */
public record KindScores(Map<String, Double> exact, Map<String, Integer> counts, List<String> failed) {

  public KindScores {
    exact = new TreeMap<>(exact);
    counts = new TreeMap<>(counts);
    failed = List.copyOf(failed);
  }

  /** Scores from per-item outcomes: {@code exactById} says, for each item, whether it was answered exactly. */
  public static KindScores of(List<OptimizationItem> items, Map<String, Boolean> exactById) {
    Map<String, Integer> n = new TreeMap<>();
    Map<String, Integer> ok = new TreeMap<>();
    List<String> failed = new ArrayList<>();
    for (OptimizationItem i : items) {
      n.merge(i.kind(), 1, Integer::sum);
      boolean exact = Boolean.TRUE.equals(exactById.get(i.id()));
      ok.merge(i.kind(), exact ? 1 : 0, Integer::sum);
      if (!exact) {
        failed.add(i.id());
      }
    }
    Map<String, Double> rates = new TreeMap<>();
    n.forEach((k, c) -> rates.put(k, ok.get(k) / (double) c));
    return new KindScores(rates, n, failed);
  }

  /** The share of exact answers over every item. */
  public double overall() {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) {
      return 0;
    }
    double sum = 0;
    for (var e : exact.entrySet()) {
      sum += e.getValue() * counts.getOrDefault(e.getKey(), 0);
    }
    return sum / total;
  }

  /** The kinds scoring lower here than in {@code before} (by more than a rounding error). */
  public List<String> regressionsAgainst(KindScores before) {
    List<String> out = new ArrayList<>();
    before.exact.forEach((kind, rate) -> {
      if (exact.getOrDefault(kind, 0.0) < rate - 1e-9) {
        out.add(kind);
      }
    });
    return out;
  }
}
