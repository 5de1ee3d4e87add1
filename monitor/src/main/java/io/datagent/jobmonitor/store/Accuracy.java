package io.datagent.jobmonitor.store;

/**
 * How often people said the monitor was right, for one category (or {@code all}); {@code accuracy} is
 * right / labelled, null when nobody labelled any.
 */
public record Accuracy(String category, int decisions, int labelled, int right, int wrong, Double accuracy) {

  public static Accuracy of(String category, int decisions, int labelled, int right, int wrong) {
    return new Accuracy(category, decisions, labelled, right, wrong,
        labelled == 0 ? null : Math.round(1000.0 * right / labelled) / 1000.0);
  }
}
