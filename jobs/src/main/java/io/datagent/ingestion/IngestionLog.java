package io.datagent.ingestion;

import static org.apache.spark.sql.functions.col;

import io.datagent.spark.DeltaTables;
import io.datagent.spark.TableRef;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code raw._ingestion_log}: one row per file (or sheet) per run. It is also what makes re-runs idempotent: a file
 * whose content (sha256) was already loaded into the same dataset is skipped and recorded as such.
 */
public final class IngestionLog {

  static final StructType SCHEMA = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("sha256", DataTypes.StringType, true)
      .add("dataset", DataTypes.StringType, true)
      .add("table", DataTypes.StringType, true)
      .add("rows_read", DataTypes.LongType, false)
      .add("rows_loaded", DataTypes.LongType, false)
      .add("rows_quarantined", DataTypes.LongType, false)
      .add("status", DataTypes.StringType, false)
      .add("message", DataTypes.StringType, true)
      .add("batch_id", DataTypes.StringType, false)
      .add("started_at", DataTypes.TimestampType, false)
      .add("ended_at", DataTypes.TimestampType, false);

  private final SparkSession spark;
  private final TableRef ref;

  public IngestionLog(SparkSession spark, TableRef ref) {
    this.spark = spark;
    this.ref = ref;
  }

  /**
   * Which of the contents {@code sha256s} were already loaded: key {@code sha256|dataset} to a Spanish description of
   * when and where. Only the log rows of these contents are read (the predicate on sha256 lets Delta skip files).
   */
  public Map<String, String> loaded(Collection<String> sha256s) {
    Map<String, String> keys = new HashMap<>();
    if (sha256s.isEmpty() || !DeltaTables.exists(spark, ref)) {
      return keys;
    }
    return described(col("sha256").isin(sha256s.toArray()));
  }

  /**
   * The content last loaded into {@code dataset} (the newest LOADED or PARTIAL row), as {@link #loaded} describes it,
   * or an empty map: for a snapshot source such as an API, where only a repeat of the last content changes nothing (a
   * return to an older content, A → B → A, must be loaded again). One row per run of the dataset is read.
   */
  public Map<String, String> lastLoadedInto(String dataset) {
    if (!DeltaTables.exists(spark, ref)) {
      return new HashMap<>();
    }
    List<Row> last = spark.table(ref.sql()).where(col("status").isin("LOADED", "PARTIAL").and(col("dataset").equalTo(dataset)))
        .orderBy(col("ended_at").desc()).limit(1).select("sha256", "dataset", "table", "ended_at", "file").collectAsList();
    Map<String, String> keys = new HashMap<>();
    if (!last.isEmpty() && !last.get(0).isNullAt(0)) {
      Row r = last.get(0);
      keys.put(r.getString(0) + "|" + r.getString(1), description(r));
    }
    return keys;
  }

  private Map<String, String> described(Column predicate) {
    Map<String, String> keys = new HashMap<>();
    // Few rows (one per file and run): grouped here rather than by a Spark shuffle stage. Built with the Column API:
    // no SQL text to parse (the parser's prediction on this statement cost seconds on a loaded machine).
    List<Row> rows = spark.table(ref.sql()).where(col("status").isin("LOADED", "PARTIAL").and(predicate))
        .select("sha256", "dataset", "table", "ended_at", "file").collectAsList();
    Map<String, Row> first = new HashMap<>();
    Map<String, Timestamp> latest = new HashMap<>();
    for (Row r : rows) {
      String key = r.getString(0) + "|" + r.getString(1);
      first.putIfAbsent(key, r);
      Timestamp at = r.getTimestamp(3);
      latest.merge(key, at, (a, b) -> a.after(b) ? a : b);
    }
    first.forEach((key, r) -> keys.put(key, description(r, latest.get(key))));
    return keys;
  }

  /** Where and when a content was loaded, from a row (sha256, dataset, table, ended_at, file). */
  private static String description(Row r) {
    return description(r, r.getTimestamp(3));
  }

  private static String description(Row r, Timestamp at) {
    return "el mismo contenido ya se cargó en la tabla " + r.getString(2) + " (archivo " + r.getString(4) + ", "
        + at.toInstant().toString().replace('T', ' ').substring(0, 16) + " UTC)";
  }

  public void append(List<FileOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    List<Row> rows = outcomes.stream().map(o -> RowFactory.create(o.file(), o.sha256(), o.dataset(), o.table(),
        o.rowsRead(), o.rowsLoaded(), o.rowsQuarantined(), o.status().name(), o.message(), o.batchId(),
        Timestamp.from(o.startedAt()), Timestamp.from(o.endedAt()))).toList();
    DeltaTables.append(spark.createDataFrame(rows, SCHEMA).coalesce(1), ref);
  }
}
