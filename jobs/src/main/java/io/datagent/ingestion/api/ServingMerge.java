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

  /** {@code incoming} has the serving columns plus a boolean {@code _ok}. */
  static void merge(SparkSession spark, TableRef ref, Dataset<Row> incoming, StructType serving, String idColumn,
      boolean markDeleted, String source, String tableComment, Map<String, String> comments) throws Exception {
    if (!DeltaTables.exists(spark, ref)) {
      DeltaTables.create(incoming.where("_ok").drop("_ok"), ref, tableComment);
      return;
    }
    StructType have = spark.table(ref.sql()).schema();
    for (StructField f : serving.fields()) { // new fields of the API: added before the merge, nullable, with comment
      if (!List.of(have.fieldNames()).contains(f.name())) {
        String comment = f.getComment().isDefined() ? " COMMENT " + Sql.literal(f.getComment().get()) : "";
        spark.sql("ALTER TABLE " + ref.sql() + " ADD COLUMNS (" + TableRef.quote(f.name()) + " " + f.dataType().sql() + comment + ")");
      }
    }
    Map<String, String> set = new LinkedHashMap<>();
    for (StructField f : serving.fields()) {
      set.put(TableRef.quote(f.name()), "s." + TableRef.quote(f.name()));
    }
    String id = TableRef.quote(idColumn);
    SparkSession.setActiveSession(spark);
    var builder = DeltaTable.forName(spark, ref.sql()).as("t")
        .merge(incoming.as("s"), "t." + id + " <=> s." + id)
        .whenMatched("s._ok AND (t._record_hash <> s._record_hash OR t.deleted_at IS NOT NULL)").updateExpr(set)
        .whenNotMatched("s._ok").insertExpr(set);
    if (markDeleted) {
      builder = builder.whenNotMatchedBySource("t.deleted_at IS NULL AND t._source = " + Sql.literal(source))
          .updateExpr(Map.of("deleted_at", "current_timestamp()"));
    }
    builder.execute();
    DeltaTables.syncComments(spark, ref, comments, tableComment, true);
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
