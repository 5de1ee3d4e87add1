package io.datagent.ingestion;

import java.io.Serializable;
import java.util.List;

/** A parsed row after typing: its typed values, or the cells that failed and why. */
record Converted(int unit, long row, Object[] values, List<Failure> failures) implements Serializable {

  /** One cell that could not be typed. */
  record Failure(String column, String value, String reason) implements Serializable {}

  boolean ok() {
    return failures.isEmpty();
  }
}
