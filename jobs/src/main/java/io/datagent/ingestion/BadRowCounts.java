package io.datagent.ingestion;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;
import scala.Tuple2;

/**
 * Rows that failed typing, per unit, counted while the serving table is written (no separate counting pass).
 *
 * <p>Each Spark partition reports its whole count once, keyed by partition index, and a later report of the same
 * partition replaces the earlier one: a retried task or a recomputed partition cannot count twice.
 */
final class BadRowCounts extends AccumulatorV2<Tuple2<Integer, Map<Integer, Long>>, Map<Integer, Long>> {

  private final HashMap<Integer, Map<Integer, Long>> byPartition = new HashMap<>();

  @Override
  public boolean isZero() {
    return byPartition.isEmpty();
  }

  @Override
  public BadRowCounts copy() {
    BadRowCounts c = new BadRowCounts();
    c.byPartition.putAll(byPartition);
    return c;
  }

  @Override
  public void reset() {
    byPartition.clear();
  }

  @Override
  public void add(Tuple2<Integer, Map<Integer, Long>> partitionCounts) {
    byPartition.put(partitionCounts._1(), partitionCounts._2());
  }

  @Override
  public void merge(AccumulatorV2<Tuple2<Integer, Map<Integer, Long>>, Map<Integer, Long>> other) {
    byPartition.putAll(((BadRowCounts) other).byPartition);
  }

  /** Failed rows per unit, over every partition reported. */
  @Override
  public Map<Integer, Long> value() {
    Map<Integer, Long> total = new HashMap<>();
    byPartition.values().forEach(m -> m.forEach((unit, n) -> total.merge(unit, n, Long::sum)));
    return total;
  }
}
