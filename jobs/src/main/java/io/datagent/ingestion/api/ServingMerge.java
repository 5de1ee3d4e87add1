package io.datagent.ingestion.api;

import static org.apache.spark.sql.functions.col;

import io.datagent.spark.DeltaTables;
import io.datagent.spark.Sql;
import io.datagent.spark.TableRef;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Upserts a run's records into the serving table in one Delta MERGE (one commit: readers see the table before or
 * after, never between), keyed by the source's id column.
 *
 * <ul>
 *   <li>a record whose content hash changed (or that had been marked deleted) replaces the stored version;</li>
 *   <li>a new id is inserted; an unchanged record is not touched (a re-run of the same data changes no row);</li>
 *   <li>on a full (not incremental) run, a stored record whose id the run did not see gets {@code deleted_at} — it is
 *       kept, never dropped. Ids of quarantined records count as seen ({@code _ok} false rows).</li>
 * </ul>
 */
final class ServingMerge {

  static final List<String> LINEAGE = List.of("_source", "_run_id", "_source_url", "_page", "_fetched_at", "_record_hash",
      "_loaded_at", "deleted_at");

  private ServingMerge() {}

  /**
   * {@code incoming} has the serving columns plus a boolean {@code _ok}; {@code serving} carries each column's comment
   * (a new table gets them with its schema, an existing one is brought in line after the MERGE).
   */
  static void merge(SparkSession spark, TableRef ref, Dataset<Row> incoming, StructType serving, String idColumn,
      boolean markDeleted, String sourceName, String tableComment) throws Exception {
    if (!DeltaTables.exists(spark, ref)) {
      // Deletion vectors: a later run's MERGE marks the replaced rows instead of rewriting every file holding one (the
      // default for new tables on Databricks; the maintenance job's OPTIMIZE rewrites files with many marked rows).
      DeltaTables.create(incoming.where("_ok").drop("_ok"), ref, tableComment, Map.of("delta.enableDeletionVectors", "true"));
      return;
    }
    StructType have = spark.table(ref.sql()).schema();
    for (StructField f : serving.fields()) { // new fields of the API: added before the merge, nullable, with comment
      if (!List.of(have.fieldNames()).contains(f.name())) {
        String comment = f.getComment().isDefined() ? " COMMENT " + Sql.literal(f.getComment().get()) : "";
        spark.sql("ALTER TABLE " + ref.sql() + " ADD COLUMNS (" + TableRef.quote(f.name()) + " " + f.dataType().sql() + comment + ")");
      }
    }
    String id = TableRef.quote(idColumn);
    Dataset<Row> source = changes(spark, ref, incoming, serving, idColumn, markDeleted, sourceName);
    Map<String, String> set = new LinkedHashMap<>();
    for (StructField f : serving.fields()) {
      set.put(TableRef.quote(f.name()), "s." + TableRef.quote(f.name()));
    }
    SparkSession.setActiveSession(spark);
    DeltaTable.forName(spark, ref.sql()).as("t")
        .merge(source.as("s"), "t." + id + " <=> s." + id)
        .whenMatched("s._gone").updateExpr(Map.of("deleted_at", "current_timestamp()"))
        .whenMatched("NOT s._gone").updateExpr(set)
        .whenNotMatched("NOT s._gone").insertExpr(set)
        .execute();
    Map<String, String> comments = new LinkedHashMap<>();
    for (StructField f : serving.fields()) {
      if (f.getComment().isDefined()) {
        comments.put(f.name(), f.getComment().get());
      }
    }
    DeltaTables.syncComments(spark, ref, comments, tableComment, true);
  }

  /**
   * What the MERGE has to apply, worked out beforehand from the stored ids, hashes and marks only (three columns of
   * the table): the records that are new, changed or back after being marked deleted, plus, on a full run, one
   * marker row ({@code _gone}) per stored live record of this source whose id the run did not see. An unchanged
   * record is not in the MERGE's source at all, so the MERGE reads and joins only what changes and, with deletion
   * vectors, rewrites only those rows instead of every file holding a matched id.
   */
  private static Dataset<Row> changes(SparkSession spark, TableRef ref, Dataset<Row> incoming, StructType serving, String idColumn,
      boolean markDeleted, String sourceName) {
    Dataset<Row> stored = spark.table(ref.sql()).select(col(TableRef.quote(idColumn)).as("_t_id"), col("_record_hash").as("_t_hash"),
        col("deleted_at").as("_t_deleted"), col("_source").as("_t_source"));
    org.apache.spark.sql.Column inId = incoming.col(TableRef.quote(idColumn));
    Dataset<Row> changed = incoming.where("_ok")
        .join(stored.where("_t_deleted IS NULL"), inId.eqNullSafe(col("_t_id")).and(incoming.col("_record_hash").equalTo(col("_t_hash"))),
            "left_anti")
        .drop("_ok").withColumn("_gone", functions.lit(false));
    if (!markDeleted) {
      return changed;
    }
    // Ids of quarantined records (_ok false) count as seen: such a record is kept as it was, not marked deleted.
    Dataset<Row> gone = stored.where(col("_t_deleted").isNull().and(col("_t_source").equalTo(sourceName)))
        .join(incoming.select(inId.as("_s_id")), col("_t_id").eqNullSafe(col("_s_id")), "left_anti");
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (StructField f : serving.fields()) {
      cols.add((f.name().equals(idColumn) ? col("_t_id") : functions.lit(null)).cast(f.dataType()).as(f.name()));
    }
    cols.add(functions.lit(true).as("_gone"));
    return changed.unionByName(gone.select(cols.toArray(org.apache.spark.sql.Column[]::new)));
  }

  /** {@code df} with the column metadata (comments) of {@code schema}, which an RDD-built frame may not carry, and {@code _ok}. */
  static Dataset<Row> withMetadata(Dataset<Row> df, StructType schema) {
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      cols.add(col(TableRef.quote(f.name())).as(f.name(), f.metadata()));
    }
    cols.add(col("_ok"));
    return df.select(cols.toArray(org.apache.spark.sql.Column[]::new));
  }

  /** The serving columns: the typed data columns, then the lineage columns with their comments. */
  static StructType withLineage(StructType data) {
    Map<String, String> c = ApiLoader.lineageComments();
    StructType s = data;
    for (String name : ServingMerge.LINEAGE) {
      var type = switch (name) {
        case "_page" -> DataTypes.IntegerType;
        case "_fetched_at", "_loaded_at", "deleted_at" -> DataTypes.TimestampType;
        default -> DataTypes.StringType;
      };
      s = s.add(DeltaTables.withComment(new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty()), c.get(name), Map.of()));
    }
    return s;
  }
}
