package io.datagent.optimization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Few-shot candidates: the current prompt followed by examples of questions with the SQL that answers them, drawn
 * from a pool (trusted queries, up-voted traces) and from the tuning split's items, one kind after another so every
 * kind is shown before any is shown twice. One candidate per requested example count.
 */
public final class FewShotCandidates implements CandidateSource {

  /** A question with the SQL that answers it, and where it came from ({@code confiable}, {@code banco}, {@code voto}). */
  public record Example(String kind, String question, String sql, String source) {}

  static final String HEADER = "\n\n## Ejemplos de preguntas y la SQL que las responde\n";

  private final List<Example> pool;
  private final List<Integer> sizes;

  public FewShotCandidates(List<Example> pool, List<Integer> sizes) {
    this.pool = List.copyOf(pool);
    this.sizes = List.copyOf(sizes);
  }

  @Override
  public List<Candidate> propose(Candidate current, List<OptimizationItem> tuning, KindScores scores) {
    if (!current.isPrompt()) {
      return List.of();
    }
    List<Example> all = new ArrayList<>(pool);
    for (OptimizationItem i : tuning) {
      if (i.sql() != null && !i.sql().isBlank() && i.id().equals(i.base())) {
        all.add(new Example(i.kind(), i.question(), i.sql(), "banco"));
      }
    }
    List<Example> ordered = interleaveByKind(all);
    List<Candidate> out = new ArrayList<>();
    for (int n : sizes) {
      if (n <= 0 || ordered.isEmpty()) {
        continue;
      }
      StringBuilder text = new StringBuilder(current.prompt().strip()).append(HEADER);
      for (Example e : ordered.subList(0, Math.min(n, ordered.size()))) {
        text.append("\nPregunta: ").append(e.question()).append("\nSQL: ").append(e.sql().strip()).append('\n');
      }
      out.add(Candidate.prompt("few-shot-" + Math.min(n, ordered.size()), "few-shot", text.toString()));
      if (n >= ordered.size()) {
        break;
      }
    }
    return out;
  }

  private static List<Example> interleaveByKind(List<Example> all) {
    Map<String, List<Example>> byKind = new LinkedHashMap<>();
    all.forEach(e -> byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e));
    List<Example> out = new ArrayList<>();
    for (int round = 0; out.size() < all.size(); round++) {
      for (List<Example> l : byKind.values()) {
        if (round < l.size()) {
          out.add(l.get(round));
        }
      }
    }
    return out;
  }
}
