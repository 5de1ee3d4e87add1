package io.datagent.jobmonitor.classify;

import java.util.Map;

/**
 * Stage 1: the run's termination code ({@code CLUSTER_ERROR}, {@code CLOUD_FAILURE}, {@code USER_CANCELED}...) or
 * result state ({@code TIMEDOUT}), refined by the state message. Coarse but free: no output has to be read.
 */
public final class TerminationStage implements TriageStage {

  private final Map<String, TerminationRule> rules;

  public TerminationStage(Map<String, TerminationRule> rules) {
    this.rules = Map.copyOf(rules);
  }

  @Override
  public String name() {
    return Evidence.TERMINATION;
  }

  @Override
  public Candidate classify(FailureText f) {
    Failure x = f.failure();
    TerminationRule r = x.terminationCode() == null ? null : rules.get(x.terminationCode());
    if (r == null && x.resultState() != null) {
      r = rules.get(x.resultState());
    }
    if (r == null) {
      return null;
    }
    String message = x.stateMessage() == null ? "" : x.stateMessage().strip();
    String shortMessage = message.length() > 160 ? message.substring(0, 160) + "…" : message;
    for (MatchRule m : r.refine()) {
      String hit = m.match(f);
      if (hit != null) {
        return new Candidate(m.category(), m.confidence(), m.severity(),
            new Evidence(name(), r.code() + "/" + m.id(), hit.isEmpty() ? shortMessage : "«" + hit + "»"),
            m.explanation());
      }
    }
    if (r.score() == null) {
      return null;
    }
    return new Candidate(r.score().category(), r.score().confidence(), r.score().severity(),
        new Evidence(name(), r.code(), shortMessage), r.explanation());
  }
}
