package io.datagent.optimization;

import java.util.List;
import java.util.Map;

/**
 * What an OptimizeJob run needs from its environment: an evaluation engine, the place the served configuration lives
 * and the candidate sources (with or without an LLM). Found with {@link java.util.ServiceLoader}, so the evaluation
 * engine can be supplied by the module that has it without this package depending on it.
 */
public interface OptimizationRuntime {

  /** The parts of one run, from the job's arguments and environment variables (the App's, on Databricks). */
  Run open(OptimizeConfig config, Map<String, String> env);

  /** One run's parts, and where its outcome is recorded. */
  interface Run {

    /** The benchmark items the loop splits, as the evaluator knows them. */
    List<OptimizationItem> items();

    CandidateEvaluator evaluator();

    Promoter promoter();

    List<CandidateSource> sources();

    /** After the loop: the outcome recorded (the supervisor's intervention, MLflow); a recording failure is logged, not thrown. */
    default void finished(OptimizationReport report) {}

    /** The loop failed before promoting anything. */
    default void failed(Exception error) {}
  }
}
