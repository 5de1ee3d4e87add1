package io.datagent.jobmonitor.classify;

/**
 * One step of the classifier. Stages run in a fixed order (termination code, error catalogues, rules, LLM) and the
 * first confident answer wins; a stage returns null when it has nothing to say.
 */
public interface TriageStage {

  String name();

  Candidate classify(FailureText failure);
}
