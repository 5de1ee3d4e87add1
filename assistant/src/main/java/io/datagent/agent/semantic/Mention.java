package io.datagent.agent.semantic;

import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;

/**
 * A span of the question that names something of the model: a measure, a dimension, or a value of a dimension.
 *
 * @param start first token index
 * @param end last token index (inclusive)
 * @param score matched name tokens, less for a partial name
 * @param full whether every word of the name was matched
 * @param value the dimension value named (for {@link Kind#VALUE}), else null
 */
record Mention(Kind kind, Measure measure, Dimension dimension, String value, int start, int end, double score, boolean full) {

  enum Kind { MEASURE, DIMENSION, VALUE }

  boolean overlaps(Mention o) {
    return start <= o.end && o.start <= end;
  }

  String describe() {
    return switch (kind) {
      case MEASURE -> measure.displayName();
      case DIMENSION -> dimension.displayName();
      case VALUE -> value;
    };
  }
}
