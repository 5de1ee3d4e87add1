package io.datagent.jobmonitor.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Classifies one failure: termination code and state message, then Spark/Delta error classes, then configured
 * rules, stopping at the first answer whose confidence reaches {@code confidentAt}; only then, if one is given, the
 * LLM. The result carries the evidence of every stage that looked and a Spanish explanation.
 *
 * <p>Thread-safe and allocation-light: the monitor, {@code ./agent triage} and the benchmark share one instance.
 */
public final class TriageClassifier {

  private final List<TriageStage> stages;
  private final LlmStage llm;
  private final double confidentAt;
  private final Map<Category, CategoryInfo> categories;

  /** @param llm null to never ask a model (the default for {@code ./agent triage} and the benchmark) */
  public TriageClassifier(List<TriageStage> stages, LlmStage llm, double confidentAt, Map<Category, CategoryInfo> categories) {
    this.stages = List.copyOf(stages);
    this.llm = llm;
    this.confidentAt = confidentAt;
    this.categories = Map.copyOf(categories);
  }

  public TriageClassifier withLlm(LlmStage other) {
    return new TriageClassifier(stages, other, confidentAt, categories);
  }

  public double confidentAt() {
    return confidentAt;
  }

  public Classification classify(Failure failure) {
    FailureText f = new FailureText(failure);
    List<Evidence> evidence = new ArrayList<>(4);
    Candidate best = null;
    for (TriageStage stage : stages) {
      Candidate c = stage.classify(f);
      if (c == null) {
        continue;
      }
      evidence.add(c.evidence());
      if (c.confidence() >= confidentAt) {
        return result(c, evidence, stage.name());
      }
      if (best == null || c.confidence() > best.confidence()) {
        best = c;
      }
    }
    if (llm != null) {
      Candidate c = llm.classify(f, List.copyOf(evidence));
      evidence.add(c.evidence());
      if (c.category() != Category.UNKNOWN && (best == null || c.confidence() >= best.confidence())) {
        return result(c, evidence, Evidence.LLM);
      }
    }
    if (best != null) {
      return result(best, evidence, best.evidence().stage());
    }
    CategoryInfo info = categories.get(Category.UNKNOWN);
    return new Classification(Category.UNKNOWN, 0, info == null ? Severity.MEDIUM : info.severity(), "none", evidence,
        "Ninguna regla reconoce este error; hace falta que una persona lo revise.", null, null, Map.of());
  }

  private Classification result(Candidate c, List<Evidence> evidence, String stage) {
    CategoryInfo info = categories.get(c.category());
    Severity severity = c.severity() != null ? c.severity() : info == null ? Severity.MEDIUM : info.severity();
    String explanation = c.explanation() != null ? c.explanation()
        : "Clasificado como " + (info == null ? c.category().id() : info.label()) + ".";
    return new Classification(c.category(), round(c.confidence()), severity, stage, evidence, explanation,
        c.rootCause(), c.recommendation(), c.suggestedParameters());
  }

  private static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }
}
