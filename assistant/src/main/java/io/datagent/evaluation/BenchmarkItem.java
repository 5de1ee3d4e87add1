package io.datagent.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One question of an answer benchmark (a line of a JSONL file; format in
 * {@code tests/src/test/resources/benchmark/README.md}).
 *
 * @param id unique id; variants are {@code <base>-p1}, {@code -t1}, {@code -e1}
 * @param kind what the question exercises (agregacion, top_k, rechazo…)
 * @param variant {@code original}, {@code parafrasis}, {@code sin_tildes} or {@code errata}
 * @param question the question as an analyst would type it
 * @param expected the expected answer ({@link Expected}); a variant shares its base's
 * @param sql a hand-written SQL that answers the question: the ground truth of a {@code sql} item (run, through the
 *     guard, when the benchmark is loaded: {@link GroundTruth}); for the other types only {@code ./agent bench
 *     answers} runs it; or null
 */
public record BenchmarkItem(String id, String kind, String variant, String question, Expected expected, String sql) {

  /**
   * What a right answer contains. {@code type} is {@code number}, {@code ranking} (labels in order, with values),
   * {@code series} (every label with its value, any order), {@code label}, {@code text} (keywords), {@code decline}
   * (no number may be stated) or {@code sql} (the answer's result set must equal what the item's SQL returns:
   * order-insensitive unless {@code ranked}, numbers within the tolerance of {@code decimals}).
   */
  public record Expected(String type, JsonNode node) {

    /** The type of an item whose expected answer is what its SQL returns. */
    public static final String SQL = "sql";

    public double value() {
      return node.path("value").asDouble();
    }

    /** Decimal places the expected value is exact to (the tolerance is half a unit of the last place). */
    public int decimals() {
      return node.path("decimals").asInt(SQL.equals(type) ? 2 : 0);
    }

    /** True when the rows' order is part of the answer (a ranking); a {@code sql} item's rows compare in order. */
    public boolean ranked() {
      return node.path("ranked").asBoolean(false);
    }

    public String label() {
      return node.path("label").asText(null);
    }
  }
}
