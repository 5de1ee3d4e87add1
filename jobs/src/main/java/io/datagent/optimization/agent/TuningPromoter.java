package io.datagent.optimization.agent;

import io.datagent.agent.semantic.CompilerTuning;
import io.datagent.agent.semantic.LearnedSynonym;
import io.datagent.app.tuning.AgentTuningStore;
import io.datagent.app.tuning.CompilerTuningStore;
import io.datagent.optimization.Candidate;
import io.datagent.optimization.CompilerCandidates;
import io.datagent.optimization.KindScores;
import io.datagent.optimization.Promoter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent without an LLM's configuration, stored with the App's state: the retrieval tuning
 * ({@link AgentTuningStore}) and the question compiler's thresholds and learned synonyms ({@link CompilerTuningStore}).
 * A promotion writes only the part the winner changed.
 */
public final class TuningPromoter implements Promoter {

  private final AgentTuningStore store;
  private final CompilerTuningStore compiler;

  public TuningPromoter(AgentTuningStore store, CompilerTuningStore compiler) {
    this.store = store;
    this.compiler = compiler;
  }

  @Override
  public Candidate current() {
    return Candidate.tuning("actual", "current", store.currentOrDefault(), compiler.currentOrDefault());
  }

  @Override
  public String promote(Candidate winner, KindScores before, KindScores after, String reason) {
    String message = String.format(Locale.ROOT, "Optimización (%s): exactas reservadas %.1f %% → %.1f %%", winner.label(),
        before.overall() * 100, after.overall() * 100);
    Candidate now = current();
    List<String> served = new ArrayList<>();
    if (!winner.tuning().equals(now.tuning())) {
      long id = store.promote(winner.tuning(), RegistryPromoter.AUTHOR, message, before.overall(), after.overall());
      served.add("ajuste " + id);
    }
    if (!winner.compiler().equals(now.compiler())) {
      long id = compiler.promote(winner.compiler(), RegistryPromoter.AUTHOR, message + added(now.compiler(), winner.compiler()),
          before.overall(), after.overall());
      served.add("ajuste del compilador " + id);
    }
    return (served.isEmpty() ? "sin cambios" : String.join(" y ", served)) + " (" + winner.label() + ")";
  }

  /** The synonyms the winner adds, with their evidence, for the record ("; sinónimos: «eólicas» → …"). */
  private static String added(CompilerTuning before, CompilerTuning after) {
    List<LearnedSynonym> fresh = CompilerCandidates.fresh(before.synonyms(), after.synonyms());
    if (fresh.isEmpty()) {
      return "";
    }
    return "; sinónimos: " + String.join("; ", fresh.stream().map(s -> "«" + s.phrase() + "» → " + s.target()
        + (s.value() == null ? "" : " = " + s.value()) + " (" + s.evidence() + ")").toList());
  }
}
