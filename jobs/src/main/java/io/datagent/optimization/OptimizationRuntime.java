package io.datagent.optimization;

import java.util.List;

/**
 * What an OptimizeJob run needs from its environment: an evaluation engine, the place the served configuration lives
 * and the candidate sources (with or without an LLM). Found with {@link java.util.ServiceLoader}, so the evaluation
 * engine can be supplied by the module that has it without this package depending on it.
 */
public interface OptimizationRuntime {

  CandidateEvaluator evaluator(OptimizeConfig config);

  Promoter promoter(OptimizeConfig config);

  List<CandidateSource> sources(OptimizeConfig config);
}
