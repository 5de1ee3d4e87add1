package io.datagent.jobmonitor.classify;

import java.util.Map;

/**
 * One stage's answer before the classifier weighs it: a category with a confidence, the evidence for it and a
 * Spanish explanation. {@code severity} null means "the category's default".
 */
public record Candidate(
    Category category, double confidence, Severity severity, Evidence evidence, String explanation,
    String rootCause, String recommendation, Map<String, String> suggestedParameters) {

  public Candidate(Category category, double confidence, Severity severity, Evidence evidence, String explanation) {
    this(category, confidence, severity, evidence, explanation, null, null, Map.of());
  }
}
