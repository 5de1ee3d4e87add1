package io.datagent.jobmonitor.classify;

import java.util.List;

/**
 * Stage 3: exception types and message rules from the configuration file, tried in file order (put specific rules
 * first); the first rule that matches answers.
 */
public final class RuleStage implements TriageStage {

  private final List<MatchRule> rules;

  public RuleStage(List<MatchRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public String name() {
    return Evidence.RULE;
  }

  @Override
  public Candidate classify(FailureText f) {
    for (MatchRule r : rules) {
      String hit = r.match(f);
      if (hit != null) {
        return new Candidate(r.category(), r.confidence(), r.severity(),
            new Evidence(name(), r.id(), hit.isEmpty() ? null : "«" + abbreviate(hit) + "»"), r.explanation(),
            null, null, r.parameters());
      }
    }
    return null;
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ').strip();
    return one.length() > 120 ? one.substring(0, 120) + "…" : one;
  }
}
