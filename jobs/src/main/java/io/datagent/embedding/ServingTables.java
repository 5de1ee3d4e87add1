package io.datagent.embedding;

import io.datagent.spark.DeltaTables;
import io.datagent.spark.TableRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * The serving tables documents are built from, and what their cards say: comment, size, source files, and per
 * column its type, description and examples (frequent values of text columns from a sample, ranges of numbers and
 * dates over the whole table).
 */
public final class ServingTables {

  /** Lineage columns IngestJob adds: kept as the document's source, not rendered as text. */
  public static final Set<String> LINEAGE = Set.of("_source_file", "_source_row", "_batch_id", "_ingested_at");

  static final int SAMPLE_ROWS = 500;
  static final int EXAMPLES = 3;
  static final int EXAMPLE_CHARS = 40;

  private ServingTables() {}

  /** The data tables of the serving schema: not temporary, not our own outputs, not internal ({@code _x}). */
  public static List<TableRef> list(SparkSession spark, EmbedConfig cfg) {
    List<TableRef> out = new ArrayList<>();
    String in = cfg.serving("x").schemaSql();
    for (Row r : spark.sql("SHOW TABLES IN " + in).collectAsList()) {
      String name = r.getString(1);
      boolean temporary = r.getBoolean(2);
      if (!temporary && !name.startsWith("_") && !name.equals(EmbedConfig.DOCUMENTS) && !name.equals(EmbedConfig.EMBEDDINGS)) {
        out.add(cfg.serving(name));
      }
    }
    out.sort(Comparator.comparing(TableRef::table));
    return out;
  }

  /** The data columns (lineage excluded) of a table's schema. */
  public static List<StructField> dataColumns(Dataset<Row> df) {
    List<StructField> out = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      if (!LINEAGE.contains(f.name())) {
        out.add(f);
      }
    }
    return out;
  }

  public static String description(StructField f) {
    return f.getComment().isDefined() ? f.getComment().get() : null;
  }

  /** Reads what the card of {@code ref} needs: one aggregate query and one small sample. */
  public static TableInfo describe(SparkSession spark, TableRef ref) {
    Dataset<Row> df = spark.table(ref.sql());
    List<StructField> cols = dataColumns(df);
    List<Column> aggs = new ArrayList<>();
    aggs.add(functions.count(functions.lit(1)));
    boolean hasFile = List.of(df.columns()).contains("_source_file");
    aggs.add(hasFile ? functions.slice(functions.array_sort(functions.collect_set("_source_file")), 1, 3)
        : functions.array().cast(DataTypes.createArrayType(DataTypes.StringType)));
    List<StructField> ranged = cols.stream().filter(f -> isRanged(f.dataType())).toList();
    for (StructField f : ranged) {
      aggs.add(functions.min(functions.col(TableRef.quote(f.name()))));
      aggs.add(functions.max(functions.col(TableRef.quote(f.name()))));
    }
    Row stats = df.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    long rows = stats.getLong(0);
    List<String> files = stats.getList(1);
    Map<String, String> examples = new HashMap<>();
    for (int i = 0; i < ranged.size(); i++) {
      String lo = ValueText.of(stats.get(2 + 2 * i));
      String hi = ValueText.of(stats.get(3 + 2 * i));
      if (lo != null) {
        examples.put(ranged.get(i).name(), lo.equals(hi) ? "Valor: " + lo : "De " + lo + " a " + hi);
      }
    }
    List<StructField> texts = cols.stream().filter(f -> !isRanged(f.dataType())).toList();
    if (!texts.isEmpty() && rows > 0) {
      List<Row> sample = df.select(texts.stream().map(f -> functions.col(TableRef.quote(f.name()))).toArray(Column[]::new))
          .limit(SAMPLE_ROWS).collectAsList();
      for (int i = 0; i < texts.size(); i++) {
        String ex = frequent(sample, i);
        if (ex != null) {
          examples.put(texts.get(i).name(), "Ejemplos: " + ex);
        }
      }
    }
    List<TableInfo.Column> columns = new ArrayList<>();
    for (StructField f : cols) {
      columns.add(new TableInfo.Column(f.name(), f.dataType().simpleString(), description(f), examples.get(f.name())));
    }
    return new TableInfo(ref.table(), DeltaTables.tableComment(spark, ref), rows, files == null ? List.of() : files, columns);
  }

  private static boolean isRanged(DataType t) {
    return t instanceof DecimalType || t.equals(DataTypes.LongType) || t.equals(DataTypes.IntegerType)
        || t.equals(DataTypes.ShortType) || t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)
        || t.equals(DataTypes.DateType) || t.equals(DataTypes.TimestampType);
  }

  /** Up to three most frequent non-empty values of column {@code i}, most frequent first. */
  private static String frequent(List<Row> sample, int i) {
    Map<String, Integer> counts = new HashMap<>();
    for (Row r : sample) {
      String v = ValueText.of(r.get(i));
      if (v != null) {
        counts.merge(Texts.abbreviate(v, EXAMPLE_CHARS), 1, Integer::sum);
      }
    }
    if (counts.isEmpty()) {
      return null;
    }
    return String.join(", ", counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(EXAMPLES).map(Map.Entry::getKey).toList());
  }
}
