package io.datagent.optimization;

import io.datagent.retrieval.lucene.LuceneRetriever.Tuning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Candidates for the agent without an LLM: neighbours of the current retrieval tuning (fusion constant, weight of the
 * vector ranking and of the table-card ranking), one knob moved at a time, so a promotion says what changed; the
 * compiler tuning stays the current one.
 */
public final class RetrievalTuningGrid implements CandidateSource {

  @Override
  public List<Candidate> propose(Candidate current, List<OptimizationItem> tuning, KindScores scores) {
    if (current.isPrompt()) {
      return List.of();
    }
    Tuning t = current.tuning();
    Set<Tuning> seen = new LinkedHashSet<>();
    for (int k : new int[] {Math.max(1, t.rrfK() / 2), t.rrfK() * 2, 60}) {
      seen.add(new Tuning(t.candidates(), k, t.lexicalWeight(), t.vectorWeight(), t.cardWeight()));
    }
    for (double v : new double[] {t.vectorWeight() / 2, Math.min(1.0, t.vectorWeight() * 2)}) {
      seen.add(new Tuning(t.candidates(), t.rrfK(), t.lexicalWeight(), v, t.cardWeight()));
    }
    for (double c : new double[] {0.0, t.cardWeight() * 1.5}) {
      seen.add(new Tuning(t.candidates(), t.rrfK(), t.lexicalWeight(), t.vectorWeight(), c));
    }
    seen.remove(t);
    List<Candidate> out = new ArrayList<>();
    for (Tuning n : seen) {
      out.add(Candidate.tuning(label(n), "tuning", n, current.compiler()));
    }
    return out;
  }

  static String label(Tuning t) {
    return String.format(Locale.ROOT, "rrf%d-lex%.2f-vec%.2f-card%.2f", t.rrfK(), t.lexicalWeight(), t.vectorWeight(),
        t.cardWeight());
  }
}
