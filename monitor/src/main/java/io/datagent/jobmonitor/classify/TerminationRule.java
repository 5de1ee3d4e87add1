package io.datagent.jobmonitor.classify;

import java.util.List;

/**
 * How a run's termination code (or result state, e.g. {@code TIMEDOUT}) maps to a category, with optional
 * refinements on the state message ({@code CLUSTER_ERROR} + "spot instance" is a network blip, not a resource
 * problem).
 */
public record TerminationRule(String code, CategoryScore score, String explanation, List<MatchRule> refine) {

  public TerminationRule {
    refine = List.copyOf(refine);
  }
}
