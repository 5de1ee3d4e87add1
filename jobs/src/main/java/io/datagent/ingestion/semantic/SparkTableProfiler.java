package io.datagent.ingestion.semantic;

import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.TableProfile;
import io.datagent.spark.DeltaTables;
import io.datagent.spark.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * Builds a {@link TableProfile} of a serving table with Spark: columns with their type, comment and original header
 * (all three kept in the Delta schema by the ingestion), the row count, and the distinct values with their counts of
 * every low-cardinality text column.
 *
 * <p>Two aggregations over the table: one counts rows and the distinct values of each column; one, over only the
 * text columns with at most {@link SemanticModels#MAX_VALUES} distinct values, counts each trimmed value. Its result
 * is therefore bounded by that limit times the number of such columns, whatever the table's size.
 */
public final class SparkTableProfiler {

  /** Most columns profiled (wider tables keep the rest without counts). */
  static final int MAX_COLUMNS = 120;
  /** Relative standard deviation of the distinct-count sketches. */
  static final double APPROX_RSD = 0.02;

  private final SparkSession spark;

  public SparkTableProfiler(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * @param ref the table to read
   * @param name the name the model's {@code source} carries ({@code schema.table} for the App's SQL)
   */
  public TableProfile profile(TableRef ref, String name) {
    Dataset<Row> df = spark.table(ref.sql());
    List<StructField> fields = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      if (!f.name().startsWith("_")) {
        fields.add(f);
      }
    }
    List<StructField> counted = fields.subList(0, Math.min(MAX_COLUMNS, fields.size()));
    // One pass with HyperLogLog sketches: exact count(DISTINCT) on many columns makes Spark expand every row once per
    // column, which cost a third of an ingestion. Exact counts follow only where they decide something: the values of
    // low-cardinality text columns (counted exactly below) and whether a near-unique column is a key.
    List<Column> aggs = new ArrayList<>(List.of(functions.count(functions.lit(1))));
    counted.forEach(f -> aggs.add(functions.approx_count_distinct(col(f.name()), APPROX_RSD)));
    Row counts = df.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    long rows = counts.getLong(0);
    Map<String, Long> distinct = new HashMap<>();
    List<Integer> lowText = new ArrayList<>();
    List<Integer> nearUnique = new ArrayList<>();
    for (int i = 0; i < counted.size(); i++) {
      long d = counts.getLong(i + 1);
      distinct.put(counted.get(i).name(), d);
      if (counted.get(i).dataType() instanceof StringType && d > 0 && d <= SemanticModels.MAX_VALUES * 1.2) {
        lowText.add(i);
      }
      org.apache.spark.sql.types.DataType t = counted.get(i).dataType();
      boolean keyType = t instanceof StringType || t instanceof org.apache.spark.sql.types.DateType
          || t instanceof org.apache.spark.sql.types.TimestampType // what a row is: text and date keys name it,
          || (t instanceof org.apache.spark.sql.types.LongType || t instanceof org.apache.spark.sql.types.IntegerType)
              && SemanticModels.keyLike(counted.get(i).name()); // and whole-number keys such as id_terraza
      if (keyType && rows > 0 && d >= rows * 0.9) {
        nearUnique.add(i);
      }
    }
    exactDistinct(df, counted, nearUnique, distinct);
    Map<String, Map<String, Long>> values = values(df, counted, lowText);
    for (int i : lowText) { // the exact count of trimmed values; over the limit, the column keeps no value index
      String c = counted.get(i).name();
      Map<String, Long> v = values.getOrDefault(c, Map.of());
      if (!nearUnique.contains(i)) {
        distinct.put(c, (long) v.size());
      }
      if (v.size() > SemanticModels.MAX_VALUES) {
        values.remove(c);
      }
    }
    List<TableProfile.Column> columns = new ArrayList<>();
    for (StructField f : fields) {
      String header = f.metadata().contains("original_header") ? f.metadata().getString("original_header") : null;
      String comment = f.getComment().isDefined() ? f.getComment().get() : null;
      columns.add(new TableProfile.Column(f.name(), f.dataType().simpleString(), comment, header,
          distinct.getOrDefault(f.name(), -1L), values.getOrDefault(f.name(), Map.of()), Map.of()));
    }
    return new TableProfile(name, DeltaTables.tableComment(spark, ref), null, rows, columns);
  }

  /** Exact distinct counts of the given columns (few: the near-unique ones), replacing their sketches. */
  private static void exactDistinct(Dataset<Row> df, List<StructField> fields, List<Integer> which, Map<String, Long> out) {
    if (which.isEmpty()) {
      return;
    }
    Column[] aggs = which.stream().map(i -> functions.countDistinct(col(fields.get(i).name()))).toArray(Column[]::new);
    Row r = df.agg(aggs[0], java.util.Arrays.copyOfRange(aggs, 1, aggs.length)).first();
    for (int k = 0; k < which.size(); k++) {
      out.put(fields.get(which.get(k)).name(), r.getLong(k));
    }
  }

  /** One aggregation: (column index, trimmed value) pairs of the given text columns, counted. */
  private static Map<String, Map<String, Long>> values(Dataset<Row> df, List<StructField> fields, List<Integer> text) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return out;
    }
    Column[] pairs = text.stream()
        .map(i -> functions.struct(functions.lit(i).as("i"), functions.trim(col(fields.get(i).name())).as("v")))
        .toArray(Column[]::new);
    List<Row> rows = df.select(functions.explode(functions.array(pairs)).as("p"))
        .select(functions.col("p.i").as("i"), functions.col("p.v").as("v"))
        .where(functions.col("v").isNotNull().and(functions.col("v").notEqual("")))
        .groupBy("i", "v").count()
        .orderBy(functions.col("i"), functions.col("count").desc(), functions.col("v"))
        .collectAsList();
    for (Row r : rows) {
      out.computeIfAbsent(fields.get(r.getInt(0)).name(), k -> new LinkedHashMap<>()).put(r.getString(1), r.getLong(2));
    }
    return out;
  }

  private static Column col(String name) {
    return functions.col(TableRef.quote(name));
  }
}
