package io.datagent.jobmonitor.classify;

import java.util.List;
import java.util.Map;

/**
 * The classifier's answer for one failure: the category, how sure it is (0..1), how bad it is, which stage decided
 * ({@code termination}, {@code error-class}, {@code rule}, {@code llm} or {@code none}), the evidence of every stage
 * that looked, and a short explanation in Spanish for the people who read the email and the App.
 *
 * @param suggestedParameters job parameters a stage suggests for a retry (validated before use); usually empty
 */
public record Classification(
    Category category, double confidence, Severity severity, String stage, List<Evidence> evidence,
    String explanation, String rootCause, String recommendation, Map<String, String> suggestedParameters) {

  public Classification {
    evidence = List.copyOf(evidence);
    suggestedParameters = Map.copyOf(suggestedParameters);
  }

  public Classification withEvidence(List<Evidence> all) {
    return new Classification(category, confidence, severity, stage, all, explanation, rootCause, recommendation,
        suggestedParameters);
  }
}
