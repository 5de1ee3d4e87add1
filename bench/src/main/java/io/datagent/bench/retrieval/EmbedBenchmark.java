package io.datagent.bench.retrieval;

import io.datagent.embedding.EmbedJob;
import io.datagent.embedding.EmbedReport;
import io.datagent.embedding.EmbedderSpec;
import io.datagent.embedding.Embedders;
import io.datagent.embedding.OnnxEmbeddingModel;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ./agent bench embed [rows] [batch]}: EmbedJob's throughput against a bare ONNX Runtime loop over the same
 * texts, model and batch size, in one run (target ≥ 0.85), and an unchanged re-run's time as a fraction of the first
 * (target ≤ 0.10). The table is generated (default {@link #DEFAULT_ROWS} rows); model loading is outside both timings.
 *
 * <p>Order: a warm-up EmbedJob run on a small table of another schema (untimed, as the bare loop's first batch),
 * EmbedJob (first run), the bare loop, EmbedJob again with {@code --rebuild} (embeds everything again),
 * then the unchanged re-run; EmbedJob's throughput is the mean of its two full runs, so a noisy neighbour during one
 * of them weighs half.
 */
public final class EmbedBenchmark {

  private EmbedBenchmark() {}

  public static int run(List<String> args, LocalRuntime rt) throws Exception {
    int rows = args.isEmpty() ? DEFAULT_ROWS : Integer.parseInt(args.get(0));
    int batch = args.size() > 1 ? Integer.parseInt(args.get(1)) : 32;
    Workspace ws = new Workspace(Files.createTempDirectory("datagent-bench-embed").resolve("ws")).create();
    LocalRuntime brt = rt.in(ws);
    try {
      SparkSession spark = brt.spark();
      generate(spark, "serving.centrales_bench", rows);
      System.out.printf("Tabla generada: serving.centrales_bench, %,d filas; lotes de %d%n", rows, batch);
      Embedders.get(EmbedderSpec.local(1, batch)); // load once, outside the timings (EmbedJob's executor model)
      String[] cfg = {"--batch-size", String.valueOf(batch)};
      // Warm-up, as the bare loop gets one: a full EmbedJob run over a small table in a schema of its own, so the
      // timed runs do not pay for loading and compiling Spark's and Delta's code paths the first time
      spark.sql("CREATE SCHEMA IF NOT EXISTS " + WARMUP_SCHEMA);
      generate(spark, WARMUP_SCHEMA + ".centrales_bench", WARMUP_ROWS);
      EmbedJob.run(spark, EmbedJob.config(brt.env().asMap(), "--batch-size", String.valueOf(batch), "--serving-schema", WARMUP_SCHEMA), line -> { });
      System.out.printf("Calentamiento: EmbedJob sobre %d filas en %s (fuera de las mediciones)%n", WARMUP_ROWS, WARMUP_SCHEMA);

      long t0 = System.nanoTime();
      EmbedReport first = EmbedJob.run(spark, EmbedJob.config(brt.env().asMap(), cfg));
      double job1 = (System.nanoTime() - t0) / 1e9;

      List<String> texts = spark.sql("SELECT text FROM serving.documents").as(Encoders.STRING()).collectAsList();
      int cores = Runtime.getRuntime().availableProcessors();
      double bare;
      try (OnnxEmbeddingModel model = OnnxEmbeddingModel.load(cores)) {
        model.embedAll(texts.subList(0, Math.min(batch, texts.size()))); // warm-up
        long b0 = System.nanoTime();
        for (int i = 0; i < texts.size(); i += batch) {
          model.embedAll(texts.subList(i, Math.min(texts.size(), i + batch)));
        }
        bare = (System.nanoTime() - b0) / 1e9;
      }

      long t1 = System.nanoTime();
      EmbedReport rebuilt = EmbedJob.run(spark, EmbedJob.config(brt.env().asMap(), "--batch-size", String.valueOf(batch), "--rebuild"));
      double job2 = (System.nanoTime() - t1) / 1e9;

      long t2 = System.nanoTime();
      EmbedReport again = EmbedJob.run(spark, EmbedJob.config(brt.env().asMap(), cfg));
      double rerun = (System.nanoTime() - t2) / 1e9;

      double jobTps = (first.embedded() / job1 + rebuilt.embedded() / job2) / 2;
      double bareTps = texts.size() / bare;
      double firstMean = (job1 + job2) / 2;
      System.out.printf("bench embed: %,d documentos; EmbedJob %.1f s y %.1f s (%.1f docs/s), bucle ONNX Runtime %.1f s "
              + "(%.1f docs/s, %d hilos): ratio %.2f (objetivo ≥ 0.85)%n", first.embedded(), job1, job2, jobTps, bare, bareTps,
          cores, jobTps / bareTps);
      System.out.printf("bench embed: re-ejecución sin cambios %.1f s (%d vectorizados) = %.3f de la primera (objetivo ≤ 0.10)%n",
          rerun, again.embedded(), rerun / firstMean);
      return 0;
    } finally {
      brt.close();
    }
  }

  /**
   * Enough documents for throughput to be the steady rate rather than the run's fixed Spark work (listing, the card
   * queries, the writes: about 5 s here, printed by each run), which weighs a quarter of a 2,000-document run.
   */
  static final int DEFAULT_ROWS = 10_000;
  static final String WARMUP_SCHEMA = "bench_warmup";
  static final int WARMUP_ROWS = 200;

  static final String[] REGIONS = {"GRAN BS.AS.", "COMAHUE", "CUYO", "NOROESTE", "NORESTE", "LITORAL", "CENTRO", "PATAGONICA"};
  static final String[] TECH = {"Motor Diesel", "Turbina a gas", "Ciclos Combinados", "Hidráulica", "Eólica", "Solar", "Nuclear"};
  static final String[] OWNERS = {"ENARSA", "SECCO", "AGGREKO", "SOENERGY", "EMGASUD", "TURBODISEL", "ENERGYST"};

  static void generate(SparkSession spark, String table, int n) {
    StructType schema = new StructType()
        .add("central", DataTypes.StringType, true, new MetadataBuilder().putString("comment", "CENTRAL").build())
        .add("agente_descripcion", DataTypes.StringType, true, new MetadataBuilder().putString("comment", "AGENTE DESCRIPCION").build())
        .add("region", DataTypes.StringType, true, new MetadataBuilder().putString("comment", "REGION").build())
        .add("tecnologia", DataTypes.StringType, true, new MetadataBuilder().putString("comment", "TECNOLOGIA").build())
        .add("periodo", DataTypes.DateType, true, new MetadataBuilder().putString("comment", "PERIODO").build())
        .add("potencia_instalada_mw", DataTypes.createDecimalType(38, 3), true,
            new MetadataBuilder().putString("comment", "POTENCIA INSTALADA [MW]").build())
        .add("_source_file", DataTypes.StringType)
        .add("_source_row", DataTypes.LongType);
    Random rnd = new Random(7);
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String code = RetrievalBenchmark.word(rnd, 2).toUpperCase();
      rows.add(RowFactory.create(code + i, "CT " + RetrievalBenchmark.word(rnd, 3).toUpperCase() + " - " + OWNERS[rnd.nextInt(OWNERS.length)],
          REGIONS[rnd.nextInt(REGIONS.length)], TECH[rnd.nextInt(TECH.length)],
          Date.valueOf(String.format("%d-%02d-01", 2016 + rnd.nextInt(9), 1 + rnd.nextInt(12))),
          BigDecimal.valueOf(rnd.nextInt(20_000), 1), "centrales_bench.csv", (long) i + 2));
    }
    spark.createDataFrame(rows, schema).write().format("delta").saveAsTable(table);
  }
}
