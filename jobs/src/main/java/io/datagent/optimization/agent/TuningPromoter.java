package io.datagent.optimization.agent;

import io.datagent.app.tuning.AgentTuningStore;
import io.datagent.optimization.Candidate;
import io.datagent.optimization.KindScores;
import io.datagent.optimization.Promoter;
import java.util.Locale;

/** The agent without an LLM's configuration: the retrieval tuning stored with the App's state ({@link AgentTuningStore}). */
public final class TuningPromoter implements Promoter {

  private final AgentTuningStore store;

  public TuningPromoter(AgentTuningStore store) {
    this.store = store;
  }

  @Override
  public Candidate current() {
    return Candidate.tuning("actual", "current", store.currentOrDefault());
  }

  @Override
  public String promote(Candidate winner, KindScores before, KindScores after, String reason) {
    String message = String.format(Locale.ROOT, "Optimización (%s): exactas reservadas %.1f %% → %.1f %%", winner.label(),
        before.overall() * 100, after.overall() * 100);
    long id = store.promote(winner.tuning(), RegistryPromoter.AUTHOR, message, before.overall(), after.overall());
    return "ajuste " + id + " (" + winner.label() + ")";
  }
}
