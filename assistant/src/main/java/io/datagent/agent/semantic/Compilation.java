package io.datagent.agent.semantic;

import java.util.List;

/**
 * What the compiler made of a question over one model: a {@link Plan}; or a reason it is unclear, with the closest
 * readings to offer; or nothing (not an analytic question: the extractive answer handles it).
 */
record Compilation(Plan plan, String unclear, List<String> suggestions, double score, double coverage) {

  Compilation(Plan plan, String unclear, List<String> suggestions, double score) {
    this(plan, unclear, suggestions, score, 0);
  }

  /** The same reading with {@code coverage}: how much of the question the model's names matched (to pick the table). */
  Compilation covering(double coverage) {
    return new Compilation(plan, unclear, suggestions, score, coverage);
  }

  static Compilation none() {
    return new Compilation(null, null, List.of(), 0);
  }

  static Compilation of(Plan plan) {
    return new Compilation(plan, null, List.of(), plan.score());
  }

  static Compilation unclear(String reason, List<String> suggestions, double score) {
    return new Compilation(null, reason, List.copyOf(suggestions), score);
  }

  boolean ok() {
    return plan != null;
  }
}
