package io.datagent.embedding;

import io.datagent.retrieval.DocumentKind;
import io.datagent.spark.TableRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

/**
 * Builds every searchable document of a run ({@link DocumentSchema#DOCUMENT}): one table card per serving table
 * (on the driver, from {@link ServingTables#describe}), row documents (in Spark tasks, {@link RowDocuments}) and
 * passages of the uploaded text files ({@link UploadPassages}). The result is cached: the run reads it several times.
 */
final class DocumentSet {

  /** The documents and what was left out (with reasons). */
  record Built(Dataset<Row> documents, long tableCards, long rows, long passages, List<String> skipped) {}

  private DocumentSet() {}

  static Built build(SparkSession spark, EmbedConfig cfg, List<TableRef> servingTables, Consumer<String> log) {
    List<String> skipped = new ArrayList<>();
    List<Row> driverDocs = new ArrayList<>();
    List<Dataset<Row>> rowDocs = new ArrayList<>();
    List<LongAccumulator[]> counters = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    for (TableRef ref : servingTables) {
      TableInfo info = ServingTables.describe(spark, ref);
      String card = TableCardRenderer.render(info);
      driverDocs.add(RowFactory.create("table_card:" + ref.table(), DocumentKind.TABLE_CARD, ref.table(),
          info.files().isEmpty() ? null : info.files().get(0), null, card, ContentHash.of(card)));
      if (info.rows() == 0) {
        skipped.add(ref + ": tabla vacía, solo se genera su ficha");
        continue;
      }
      Dataset<Row> df = spark.table(ref.sql());
      List<StructField> cols = ServingTables.dataColumns(df);
      boolean lineage = List.of(df.columns()).containsAll(List.of("_source_file", "_source_row"));
      String[] labels = cols.stream().map(f -> ColumnLabel.of(f.name(), ServingTables.description(f))).toArray(String[]::new);
      String heading = TableTitle.heading(ref.table(), TableTitle.of(ref.table(), info.comment(), info.files()));
      List<Column> select = new ArrayList<>();
      cols.forEach(f -> select.add(functions.col(TableRef.quote(f.name()))));
      if (lineage) {
        select.add(functions.col("_source_file"));
        select.add(functions.col("_source_row").cast("bigint"));
      }
      LongAccumulator empty = spark.sparkContext().longAccumulator("filas vacías " + ref.table());
      LongAccumulator truncated = spark.sparkContext().longAccumulator("filas truncadas " + ref.table());
      counters.add(new LongAccumulator[] {empty, truncated});
      tables.add(ref.toString());
      rowDocs.add(df.select(select.toArray(Column[]::new)).mapPartitions(
          new RowDocuments(ref.table(), new RowRenderer(heading, labels, cfg.maxChars()), cols.size(), lineage, empty, truncated),
          Encoders.row(DocumentSchema.DOCUMENT)));
    }
    if (cfg.uploads() != null) {
      driverDocs.addAll(UploadPassages.read(Path.of(cfg.uploads()), cfg.maxChars(), skipped));
    }
    Dataset<Row> all = spark.createDataFrame(driverDocs, DocumentSchema.DOCUMENT);
    for (Dataset<Row> d : rowDocs) {
      all = all.unionByName(d);
    }
    // Ids are unique by construction; duplicated lineage (a table fed twice the same file and row) would make MERGE
    // fail on several source rows per key, so keep one.
    Dataset<Row> docs = all.dropDuplicates("id").persist(StorageLevel.MEMORY_AND_DISK());
    long cards = 0;
    long rows = 0;
    long passages = 0;
    for (Row r : docs.groupBy("kind").count().collectAsList()) {
      switch (r.getString(0)) {
        case DocumentKind.TABLE_CARD -> cards = r.getLong(1);
        case DocumentKind.ROW -> rows = r.getLong(1);
        default -> passages = r.getLong(1);
      }
    }
    for (int i = 0; i < tables.size(); i++) {
      long e = counters.get(i)[0].value();
      long t = counters.get(i)[1].value();
      if (e > 0) {
        skipped.add(tables.get(i) + ": " + e + " fila(s) con todas las celdas vacías, omitidas");
      }
      if (t > 0) {
        skipped.add(tables.get(i) + ": " + t + " fila(s) de más de " + RowRenderer.MAX_CHUNKS + " fragmentos, recortadas");
      }
    }
    skipped.forEach(s -> log.accept("  aviso: " + s));
    return new Built(docs, cards, rows, passages, skipped);
  }
}
