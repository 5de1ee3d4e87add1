package io.datagent.bench;

import io.datagent.ingestion.IngestJob;
import io.datagent.ingestion.IngestReport;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ./agent bench ingest}: IngestJob against the least bare Spark needs for the same output, in one run.
 *
 * <p>Baseline: read the CSV once (schema of strings given by hand, cached), write the raw table as text and the
 * serving table with casts written by hand. IngestJob does the same plus encoding/delimiter/header detection, type
 * inference, source row numbers, quarantine and the log. Reported: median of alternating repetitions and the
 * ratio (target ≤ 1.25); then 20 small files in one run vs one small file (target ≤ 2.0).
 */
final class IngestBenchmark implements BenchCommand.Benchmark {

  static final String HEADER = "Fecha;Región;Central;Código postal;Potencia [MW];Demanda;Hábil;Observación";
  static final String[] REGIONS = {"Gran Bs.As.", "Comahue", "Cuyo", "Noroeste", "Patagónica", "Litoral", "Centro"};
  static final String[] NOTES = {"sin novedad", "mantenimiento programado", "falla en línea de 132 kV", "", "reducción por demanda"};

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    int rows = args.isEmpty() ? 1_000_000 : Integer.parseInt(args.get(0));
    int reps = args.size() > 1 ? Integer.parseInt(args.get(1)) : 3;
    Path dir = Files.createTempDirectory("datagent-bench-ingest");
    Workspace ws = new Workspace(dir.resolve("ws")).create();
    LocalRuntime brt = rt.in(ws);
    SparkSession spark = brt.spark();
    Path big = dir.resolve("input").resolve("grande.csv");
    Files.createDirectories(big.getParent());
    long t0 = System.nanoTime();
    generate(big, rows, 1);
    System.out.printf("Generado %s: %,d filas, %.1f MB (%.1f s)%n", big, rows, Files.size(big) / 1e6, (System.nanoTime() - t0) / 1e9);

    // Warm up both paths on a small file so JIT and Spark's first-job costs are out of the comparison.
    Path warm = dir.resolve("input").resolve("warm.csv");
    generate(warm, 20_000, 2);
    baseline(spark, warm, "warm_base");
    ingest(spark, ws, warm.getParent(), "warm.csv", dir);

    long[] base = new long[reps];
    long[] ours = new long[reps];
    for (int r = 0; r < reps; r++) {
      Path copy = dir.resolve("input").resolve("grande_" + r + ".csv");
      Files.createLink(copy, big);
      base[r] = baseline(spark, big, "base_" + r);
      ours[r] = ingest(spark, ws, copy.getParent(), copy.getFileName().toString(), dir);
      System.out.printf("  repetición %d: base %.2f s, IngestJob %.2f s%n", r + 1, base[r] / 1e9, ours[r] / 1e9);
    }
    double b = median(base);
    double o = median(ours);
    System.out.printf("bench ingest 1M: base Spark %.2f s, IngestJob %.2f s, ratio %.2f (objetivo ≤ 1.25)%n", b / 1e9, o / 1e9, o / b);

    // 20 small files of one dataset in one run vs one small file.
    long[] one = new long[reps];
    long[] twenty = new long[reps];
    for (int r = 0; r < reps; r++) {
      Path up = dir.resolve("small_" + r);
      Path single = up.resolve("uno_" + r);
      Path many = up.resolve("veinte_" + r);
      Files.createDirectories(single);
      Files.createDirectories(many);
      generate(single.resolve("semana_01.csv"), 2_000, 100 + r);
      List<String> files = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String name = String.format("semana_%02d.csv", i + 1);
        generate(many.resolve(name), 2_000, 1000 * r + i);
        files.add("veinte_" + r + "/" + name);
      }
      one[r] = ingestFiles(spark, ws, up, List.of("uno_" + r + "/semana_01.csv"), dir);
      twenty[r] = ingestFiles(spark, ws, up, files, dir);
      System.out.printf("  repetición %d: 1 archivo %.2f s, 20 archivos %.2f s%n", r + 1, one[r] / 1e9, twenty[r] / 1e9);
    }
    double s1 = median(one);
    double s20 = median(twenty);
    System.out.printf("bench ingest small: 1 archivo %.2f s, 20 archivos %.2f s, ratio %.2f (objetivo ≤ 2.0)%n", s1 / 1e9, s20 / 1e9, s20 / s1);
    brt.close();
    return 0;
  }

  static void generate(Path file, int rows, long seed) throws IOException {
    Random rnd = new Random(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      StringBuilder sb = new StringBuilder(128);
      for (int i = 0; i < rows; i++) {
        sb.setLength(0);
        int day = 1 + rnd.nextInt(28);
        int month = 1 + rnd.nextInt(12);
        int year = 2016 + rnd.nextInt(9);
        sb.append(day).append('/').append(month).append('/').append(year).append(';');
        sb.append(REGIONS[rnd.nextInt(REGIONS.length)]).append(';');
        sb.append("C").append(rnd.nextInt(900) + 100).append(';');
        sb.append(String.format("%05d", rnd.nextInt(9000) + 1000)).append(';');
        int mw = rnd.nextInt(2000);
        sb.append(mw).append(',').append(rnd.nextInt(10)).append(';');
        sb.append(rnd.nextInt(30000)).append(';');
        sb.append(rnd.nextBoolean() ? "Sí" : "No").append(';');
        sb.append(NOTES[rnd.nextInt(NOTES.length)]);
        w.write(sb.toString());
        w.write('\n');
      }
    }
  }

  /** The least bare Spark needs for the same two tables. */
  static long baseline(SparkSession spark, Path csv, String table) {
    long t0 = System.nanoTime();
    StructType text = new StructType();
    for (String c : List.of("fecha", "region", "central", "codigo_postal", "potencia_mw", "demanda", "habil", "observacion")) {
      text = text.add(c, DataTypes.StringType);
    }
    Dataset<Row> df = spark.read().option("sep", ";").option("header", "true").option("encoding", "UTF-8")
        .schema(text).csv(csv.toString()).cache();
    df.selectExpr("*", "'" + csv.getFileName() + "' AS _source_file", "'bench' AS _batch_id", "current_timestamp() AS _ingested_at")
        .write().format("delta").mode("overwrite").saveAsTable("raw." + table);
    df.selectExpr(
            "to_date(fecha, 'd/M/yyyy') AS fecha", "trim(region) AS region", "trim(central) AS central",
            "trim(codigo_postal) AS codigo_postal",
            "CAST(replace(potencia_mw, ',', '.') AS DECIMAL(38,1)) AS potencia_mw", "CAST(demanda AS BIGINT) AS demanda",
            "habil = 'Sí' AS habil", "trim(observacion) AS observacion",
            "'" + csv.getFileName() + "' AS _source_file", "'bench' AS _batch_id", "current_timestamp() AS _ingested_at")
        .write().format("delta").mode("overwrite").saveAsTable("serving." + table);
    df.unpersist();
    return System.nanoTime() - t0;
  }

  static long ingest(SparkSession spark, Workspace ws, Path source, String file, Path dir) {
    return ingestFiles(spark, ws, source, List.of(file), dir);
  }

  static long ingestFiles(SparkSession spark, Workspace ws, Path source, List<String> files, Path dir) {
    long t0 = System.nanoTime();
    IngestReport report = IngestJob.run(spark, IngestJob.config("--source", source.toString(), "--files", String.join(",", files)));
    if (report.anyFailed()) {
      throw new IllegalStateException("la ingesta del benchmark falló: " + report.summary());
    }
    return System.nanoTime() - t0;
  }

  static double median(long[] v) {
    long[] c = v.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2.0;
  }
}
