package io.datagent.optimization;

import java.util.List;

/**
 * Scores one candidate configuration on benchmark items: the port between the optimisation loop and an evaluation
 * engine (today the local evaluation of {@code ./agent eval}; later the shared engine of EvaluateJob).
 *
 * <p>Contract: the candidate is used only for this call (nothing is promoted or persisted); the same candidate and
 * items give the same scores when the agent is deterministic; a failure throws and the loop promotes nothing.
 */
public interface CandidateEvaluator {

  KindScores evaluate(Candidate candidate, List<OptimizationItem> items);
}
