package io.datagent.optimization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic split of a benchmark into a tuning part (what candidates are built from) and a held-out part (what
 * they are judged on). Per kind, the base questions are ordered by the SHA-256 of {@code seed + base id} and the first
 * {@code ceil(n × heldOutShare)} go to held-out, so every kind with two or more questions is judged, the split does not
 * depend on the file's order, and a question's variants stay on its side.
 */
public record BenchmarkSplit(List<OptimizationItem> tuning, List<OptimizationItem> heldOut) {

  public static BenchmarkSplit of(List<OptimizationItem> items, double heldOutShare, String seed) {
    if (heldOutShare <= 0 || heldOutShare >= 1) {
      throw new IllegalArgumentException("la parte reservada debe estar entre 0 y 1, no " + heldOutShare);
    }
    Map<String, Set<String>> basesByKind = new LinkedHashMap<>();
    for (OptimizationItem i : items) {
      basesByKind.computeIfAbsent(i.kind(), k -> new LinkedHashSet<>()).add(i.base());
    }
    Set<String> heldOutBases = new LinkedHashSet<>();
    basesByKind.forEach((kind, bases) -> {
      List<String> ordered = new ArrayList<>(bases);
      ordered.sort(Comparator.comparing(b -> hash(seed + "/" + b)));
      int n = ordered.size() < 2 ? 0 : (int) Math.ceil(ordered.size() * heldOutShare);
      heldOutBases.addAll(ordered.subList(0, Math.min(n, ordered.size() - 1)));
    });
    List<OptimizationItem> tuning = new ArrayList<>();
    List<OptimizationItem> heldOut = new ArrayList<>();
    for (OptimizationItem i : items) {
      (heldOutBases.contains(i.base()) ? heldOut : tuning).add(i);
    }
    return new BenchmarkSplit(List.copyOf(tuning), List.copyOf(heldOut));
  }

  private static String hash(String s) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
