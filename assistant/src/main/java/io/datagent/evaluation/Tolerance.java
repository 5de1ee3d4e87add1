package io.datagent.evaluation;

/**
 * When a stated or returned number is the expected one: within half a unit of the expected value's last decimal
 * place, or within 0.01 % of it (an answer may round a large sum to fewer places), whichever is larger.
 */
final class Tolerance {

  private Tolerance() {}

  static double of(double expected, int decimals) {
    return Math.max(0.5 * Math.pow(10, -decimals), 1e-4 * Math.abs(expected)) + 1e-9;
  }

  static boolean matches(double actual, double expected, int decimals) {
    return Math.abs(actual - expected) <= of(expected, decimals);
  }

  /** A written number matches when one of its readings does, rounded as the text shows it. */
  static boolean matches(StatedNumbers.Stated s, double expected, int decimals) {
    for (int i = 0; i < s.values().length; i++) {
      double shownTolerance = 0.5 * Math.pow(10, -s.decimals()[i]);
      double tol = Math.max(of(expected, decimals), Math.min(shownTolerance, 5e-4 * Math.abs(expected)));
      if (Math.abs(s.values()[i] - expected) <= tol + 1e-9) {
        return true;
      }
    }
    return false;
  }
}
