package io.datagent.local.retrieval;

import io.datagent.embedding.EmbedJob;
import io.datagent.embedding.EmbedReport;
import io.datagent.ingestion.IngestJob;
import io.datagent.spark.LocalSpark;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * One workspace per test JVM with the sample files ingested (the real IngestJob) and embedded (the real EmbedJob and
 * ONNX model), plus the test glossary in {@code uploads/_docs/}: what {@code ./agent ingest} and {@code ./agent embed}
 * would leave on disk.
 *
 * <p>NOTE: a static holder is deliberate here: it is test infrastructure (Spark and the embedding take minutes).
 */
final class SamplesWorkspace {

  private static Path root;
  private static SparkSession spark;
  private static EmbedReport report;

  private SamplesWorkspace() {}

  static synchronized Path root() {
    if (root == null) {
      try {
        root = Files.createTempDirectory("datagent-retrieval-ws");
        Path uploads = root.resolve("volumes").resolve("uploads");
        Files.createDirectories(uploads.resolve("_docs"));
        Path samples = Path.of(System.getProperty("datagent.shared", "../../shared")).resolve("samples").resolve("energia");
        try (Stream<Path> files = Files.list(samples)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Files.copy(f, uploads.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
        try (InputStream in = SamplesWorkspace.class.getResourceAsStream("/retrieval/uploads/_docs/glosario.md")) {
          Files.copy(in, uploads.resolve("_docs").resolve("glosario.md"));
        }
        System.setProperty("datagent.spark.master", "local[2]");
        spark = LocalSpark.open(root);
        IngestJob.run(spark, IngestJob.config("--source", uploads.toString(), "--raw-schema", schema("raw"),
            "--serving-schema", schema("serving")));
        report = EmbedJob.run(spark, EmbedJob.config(java.util.Map.of(), embedArgs()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  /** This workspace's schema: the session LocalSpark opens on it registers its tables as raw.x / serving.x. */
  static String schema(String layer) {
    return layer;
  }

  /** EmbedJob's arguments for this workspace. */
  static String[] embedArgs() {
    return new String[] {"--uploads", root.resolve("volumes").resolve("uploads").toString(), "--raw-schema", schema("raw"),
        "--serving-schema", schema("serving")};
  }

  static Path tables() {
    return root().resolve("tables");
  }

  /**
   * The session on this workspace. NOTE: one SparkContext per JVM; another test class opening another workspace stops
   * this one, so it is reopened (re-registering the tables from disk) when found stopped.
   */
  static synchronized SparkSession spark() {
    root();
    if (spark.sparkContext().isStopped()) {
      spark = LocalSpark.open(root);
    }
    return spark;
  }

  static EmbedReport report() {
    root();
    return report;
  }
}
