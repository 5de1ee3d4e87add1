package io.datagent.optimization;

import java.util.List;

/** Proposes candidate configurations from the current one and what it got wrong on the tuning split. */
public interface CandidateSource {

  /**
   * @param current the served configuration
   * @param tuning  the tuning split (never the held-out one: candidates must not see what they are judged on)
   * @param scores  the current configuration's scores on {@code tuning}, with its failed items
   */
  List<Candidate> propose(Candidate current, List<OptimizationItem> tuning, KindScores scores);
}
