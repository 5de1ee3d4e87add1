package io.datagent.optimization;

import java.util.List;

/**
 * What one optimisation run did: the current configuration's held-out score, every candidate tried with its score and
 * verdict, the best one, and whether it was promoted (and as what).
 */
public record OptimizationReport(int tuningItems, int heldOutItems, KindScores before, List<Tried> tried, Tried best,
    boolean promoted, String servedNow, String reason) {

  /** One candidate and how it fared on the held-out split. */
  public record Tried(String label, String origin, KindScores scores, boolean eligible, String verdict) {}

  public double beforeScore() {
    return before.overall();
  }

  /** The held-out score of what is served after the run: the winner's when promoted, the current one's otherwise. */
  public double afterScore() {
    return promoted ? best.scores().overall() : before.overall();
  }
}
