package io.datagent.app.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * One evaluation of the agent as the Monitor page lists it: when it started, the prompt version that answered
 * ({@code ninguna} when no model answered), the exact answers over the questions scored, overall and per kind.
 */
public record EvaluationRun(String runId, Instant startedAt, String promptVersion, Score total, List<Score> byKind) {

  /** Exact answers of one group (a kind, or {@code total}). */
  public record Score(String group, int questions, int exact) {

    /** Exact over questions, 0 when none was scored. */
    public double exactRate() {
      return questions == 0 ? 0 : (double) exact / questions;
    }
  }
}
