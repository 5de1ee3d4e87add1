package io.datagent.embedding;

import io.datagent.spark.Sql;
import io.datagent.spark.TableRef;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * Applies a set of upserts and deletions, keyed by {@code id}, to a Delta table in exactly one commit: a MERGE when
 * the table exists, a CREATE TABLE AS SELECT when it does not, CREATE OR REPLACE TABLE AS SELECT for a rebuild. A
 * failure before the commit leaves the table as it was; readers never see half of a run.
 *
 * <p>{@code updated_at} is stamped here; {@code columns} is the target's column order with {@code updated_at} in it.
 * {@code properties} (Delta table properties) are set when the table is created or replaced, in that same commit; a
 * MERGE leaves them as they are ({@link #ensureProperties} brings an existing table in line first).
 */
final class DeltaUpsert {

  private DeltaUpsert() {}

  static void apply(SparkSession spark, TableRef target, List<String> columns, Dataset<Row> upserts, Dataset<Row> deletedIds,
      String comment, Map<String, String> properties, boolean exists, boolean replace) {
    String view = "_upsert_" + target.table() + "_" + Long.toHexString(System.nanoTime());
    Dataset<Row> stamped = upserts.withColumn("updated_at", functions.current_timestamp());
    String select = columns.stream().map(TableRef::quote).collect(Collectors.joining(", "));
    try {
      if (!exists || replace) {
        stamped.createOrReplaceTempView(view);
        spark.sql((replace && exists ? "CREATE OR REPLACE TABLE " : "CREATE TABLE ") + target.sql() + " USING delta COMMENT "
            + Sql.literal(comment) + tblProperties(properties) + " AS SELECT " + select + " FROM " + view);
        return;
      }
      Dataset<Row> source = stamped.withColumn("_deleted", functions.lit(false));
      if (deletedIds != null) {
        Column[] nulls = new Column[columns.size() + 1];
        for (int i = 0; i < columns.size(); i++) {
          String c = columns.get(i);
          nulls[i] = c.equals("id") ? functions.col("id")
              : functions.lit(null).cast(type(stamped, c)).as(c);
        }
        nulls[columns.size()] = functions.lit(true).as("_deleted");
        source = source.select(columnsAnd(columns)).unionByName(deletedIds.select(nulls));
      }
      source.createOrReplaceTempView(view);
      String set = columns.stream().filter(c -> !c.equals("id"))
          .map(c -> "t." + TableRef.quote(c) + " = s." + TableRef.quote(c)).collect(Collectors.joining(", "));
      String values = columns.stream().map(c -> "s." + TableRef.quote(c)).collect(Collectors.joining(", "));
      spark.sql("MERGE INTO " + target.sql() + " AS t USING " + view + " AS s ON t.id = s.id "
          + "WHEN MATCHED AND s._deleted THEN DELETE "
          + "WHEN MATCHED THEN UPDATE SET " + set + " "
          + "WHEN NOT MATCHED AND NOT s._deleted THEN INSERT (" + select + ") VALUES (" + values + ")");
    } finally {
      spark.catalog().dropTempView(view);
    }
  }

  /**
   * Sets those of {@code properties} whose value the existing table does not have (case-insensitively, as Delta reads
   * booleans), in one {@code ALTER TABLE}; does nothing, and commits nothing, when all are set. Returns the keys set.
   */
  static List<String> ensureProperties(SparkSession spark, TableRef target, Map<String, String> properties) {
    if (properties.isEmpty()) {
      return List.of();
    }
    Map<String, String> have = properties(spark, target);
    Map<String, String> missing = new TreeMap<>();
    properties.forEach((k, v) -> {
      String current = have.get(k);
      if (current == null || !current.trim().equalsIgnoreCase(v)) {
        missing.put(k, v);
      }
    });
    if (!missing.isEmpty()) {
      spark.sql("ALTER TABLE " + target.sql() + " SET" + tblProperties(missing));
    }
    return List.copyOf(missing.keySet());
  }

  /** The Delta table properties of an existing table (its current metadata configuration). */
  static Map<String, String> properties(SparkSession spark, TableRef target) {
    Row detail = spark.sql("DESCRIBE DETAIL " + target.sql()).select("properties").first();
    return detail.isNullAt(0) ? Map.of() : detail.getJavaMap(0);
  }

  /** {@code  TBLPROPERTIES ('k' = 'v', ...)} in key order, or nothing for no properties. */
  static String tblProperties(Map<String, String> properties) {
    if (properties.isEmpty()) {
      return "";
    }
    return " TBLPROPERTIES (" + new TreeMap<>(properties).entrySet().stream()
        .map(e -> Sql.literal(e.getKey()) + " = " + Sql.literal(e.getValue())).collect(Collectors.joining(", ")) + ")";
  }

  private static Column[] columnsAnd(List<String> columns) {
    Column[] out = new Column[columns.size() + 1];
    for (int i = 0; i < columns.size(); i++) {
      out[i] = functions.col(TableRef.quote(columns.get(i)));
    }
    out[columns.size()] = functions.col("_deleted");
    return out;
  }

  private static org.apache.spark.sql.types.DataType type(Dataset<Row> df, String column) {
    for (StructField f : df.schema().fields()) {
      if (f.name().equals(column)) {
        return f.dataType();
      }
    }
    throw new IllegalArgumentException("no column " + column);
  }
}
