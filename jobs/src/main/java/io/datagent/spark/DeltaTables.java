package io.datagent.spark;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The few Delta operations the jobs need, each one transaction: create-or-replace the rows of given source files,
 * append, and keep column and table comments in step with the source's descriptions.
 */
public final class DeltaTables {

  private DeltaTables() {}

  public static boolean exists(SparkSession spark, TableRef ref) {
    SparkSession.setActiveSession(spark);
    return spark.catalog().tableExists(ref.toString());
  }

  /** The table's schema, or null when it does not exist. */
  public static StructType schemaOrNull(SparkSession spark, TableRef ref) {
    return exists(spark, ref) ? spark.table(ref.sql()).schema() : null;
  }

  /**
   * Writes {@code df} as the complete set of rows of the given values of {@code keyColumn}: rows previously written
   * for those values are replaced, all other rows stay. One Delta commit; creates the table when missing; new
   * columns are added (schema evolution), so a later weekly file with an extra column just works.
   */
  public static void replaceWhereIn(Dataset<Row> df, TableRef ref, String keyColumn, Collection<String> values, boolean exists) {
    replaceWhere(df, ref, inPredicate(keyColumn, values), exists);
  }

  public static String inPredicate(String column, Collection<String> values) {
    return TableRef.quote(column) + " IN (" + values.stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
  }

  /** Replaces the rows matching {@code predicate} (Spark SQL) with {@code df}, in one commit. */
  public static void replaceWhere(Dataset<Row> df, TableRef ref, String predicate, boolean exists) {
    activate(df);
    if (!exists) {
      df.write().format("delta").mode("append").saveAsTable(ref.sql());
      return;
    }
    df.write().format("delta").mode("overwrite")
        .option("replaceWhere", predicate)
        .option("mergeSchema", "true")
        .saveAsTable(ref.sql());
  }

  public static void append(Dataset<Row> df, TableRef ref) {
    activate(df);
    df.write().format("delta").mode("append").option("mergeSchema", "true").saveAsTable(ref.sql());
  }

  /**
   * Makes the frame's session the calling thread's active one: Delta resolves the catalog of a write through
   * {@code SparkSession.active}, and a thread without one (an App pool thread) would fall back to a session without
   * the Delta catalog, where {@code replaceWhere} overwrites the whole table.
   */
  static void activate(Dataset<Row> df) {
    SparkSession.setActiveSession(df.sparkSession());
  }

  /** Attaches a column comment (and extra metadata) to a field before it is written. */
  public static StructField withComment(StructField f, String comment, Map<String, String> extra) {
    MetadataBuilder mb = new MetadataBuilder().withMetadata(f.metadata());
    if (comment != null) {
      mb.putString("comment", comment);
    }
    extra.forEach(mb::putString);
    Metadata md = mb.build();
    return new StructField(f.name(), f.dataType(), f.nullable(), md);
  }

  /**
   * Brings column comments and the table comment in line with {@code comments}; only differing ones are altered
   * (each ALTER is a commit, so unchanged descriptions cost nothing).
   */
  public static void syncComments(SparkSession spark, TableRef ref, Map<String, String> comments, String tableComment,
      boolean replaceTableComment) {
    StructType schema = spark.table(ref.sql()).schema();
    for (StructField f : schema.fields()) {
      String want = comments.get(f.name());
      String have = f.getComment().isDefined() ? f.getComment().get() : null;
      if (want != null && !want.equals(have)) {
        spark.sql("ALTER TABLE " + ref.sql() + " ALTER COLUMN " + TableRef.quote(f.name()) + " COMMENT " + Sql.literal(want));
      }
    }
    if (tableComment != null) {
      String have = tableComment(spark, ref);
      if (have == null || have.isBlank() || (replaceTableComment && !tableComment.equals(have))) {
        spark.sql("COMMENT ON TABLE " + ref.sql() + " IS " + Sql.literal(tableComment));
      }
    }
  }

  public static String tableComment(SparkSession spark, TableRef ref) {
    for (Row r : spark.sql("DESCRIBE TABLE EXTENDED " + ref.sql()).collectAsList()) {
      if ("Comment".equals(r.getString(0))) {
        return r.getString(1);
      }
    }
    return null;
  }

  /**
   * Creates the table from {@code df} with its table comment in the same commit (a later {@code COMMENT ON TABLE}
   * would be one more Delta commit). Column comments travel in the schema's metadata.
   */
  public static void create(Dataset<Row> df, TableRef ref, String tableComment) throws Exception {
    create(df, ref, tableComment, Map.of());
  }

  /** As {@link #create(Dataset, TableRef, String)}, with table properties set in the same commit. */
  public static void create(Dataset<Row> df, TableRef ref, String tableComment, Map<String, String> properties) throws Exception {
    SparkSession.setActiveSession(df.sparkSession());
    var writer = df.writeTo(ref.sql()).using("delta");
    for (Map.Entry<String, String> p : properties.entrySet()) {
      writer = writer.tableProperty(p.getKey(), p.getValue());
    }
    if (tableComment != null) {
      writer = writer.tableProperty("comment", tableComment);
    }
    writer.create();
  }
}
