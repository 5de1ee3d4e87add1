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
    List<Column> aggs = new ArrayList<>(List.of(functions.count(functions.lit(1))));
    counted.forEach(f -> aggs.add(functions.countDistinct(col(f.name()))));
    Row counts = df.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    long rows = counts.getLong(0);
    Map<String, Long> distinct = new HashMap<>();
    List<Integer> lowText = new ArrayList<>();
    for (int i = 0; i < counted.size(); i++) {
      long d = counts.getLong(i + 1);
      distinct.put(counted.get(i).name(), d);
      if (counted.get(i).dataType() instanceof StringType && d > 0 && d <= SemanticModels.MAX_VALUES) {
        lowText.add(i);
      }
    }
    Map<String, Map<String, Long>> values = values(df, counted, lowText);
    List<TableProfile.Column> columns = new ArrayList<>();
    for (StructField f : fields) {
      String header = f.metadata().contains("original_header") ? f.metadata().getString("original_header") : null;
      String comment = f.getComment().isDefined() ? f.getComment().get() : null;
      columns.add(new TableProfile.Column(f.name(), f.dataType().simpleString(), comment, header,
          distinct.getOrDefault(f.name(), -1L), values.getOrDefault(f.name(), Map.of()), Map.of()));
    }
    return new TableProfile(name, DeltaTables.tableComment(spark, ref), null, rows, columns);
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
