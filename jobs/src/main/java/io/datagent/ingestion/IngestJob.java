package io.datagent.ingestion;

import io.datagent.config.ArgSpec;
import io.datagent.ingestion.semantic.SemanticConfig;
import io.datagent.naming.Names;
import io.datagent.naming.ReservedNames;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/**
 * Spark JAR task that loads uploaded CSV and Excel files into documented Delta tables ({@code raw} text layer and
 * typed {@code serving} layer), with a quarantine for rows that do not fit and a log of every file.
 *
 * <p>Runs as a Databricks {@code spark_jar_task} (parameters below) and locally through {@code ./agent ingest}. Throws
 * (so the run is marked failed and the monitor sees it) when any file failed; the other files are still loaded.
 */
public final class IngestJob {

  private IngestJob() {}

  public static ArgSpec argSpec() {
    return new ArgSpec("IngestJob")
        .required("source", "carpeta o archivo a cargar, p. ej. /Volumes/<catalogo>/raw/uploads")
        .optional("catalog", "", "catálogo de Unity Catalog (vacío: el del clúster)")
        .optional("raw-schema", "raw", "esquema de la capa de texto, la cuarentena y el registro")
        .optional("serving-schema", "serving", "esquema de las tablas tipadas")
        .optional("archive", "", "carpeta donde guardar una copia de cada archivo procesado")
        .optional("batch-id", "", "identificador del lote (p. ej. {{job.run_id}})")
        .optional("parallelism", "0", "tareas de lectura por archivo grande; 0 = automático")
        .optional("files", "", "solo estos archivos (rutas relativas a --source, separadas por comas)")
        .optional("semantic-dir", "", "carpeta de los modelos semánticos (vacío: <source>/_semantica)")
        .optional("metric-views", "false", "publicar cada modelo como vista de métricas <tabla>_metricas (true/false)");
  }

  public static IngestConfig config(String... args) {
    ArgSpec.Parsed p = argSpec().parse(args);
    String batch = p.find("batch-id").orElseGet(IngestJob::newBatchId);
    int parallelism = p.getInt("parallelism");
    if (parallelism < 0) {
      throw new IllegalArgumentException("IngestJob: parameter --parallelism must be 0 or positive, got " + parallelism);
    }
    return new IngestConfig(p.find("catalog").orElse(null), p.get("raw-schema"), p.get("serving-schema"), p.get("source"),
        p.find("archive").orElse(null), batch, parallelism,
        p.find("files").map(f -> java.util.Arrays.stream(f.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList())
            .orElse(java.util.List.of()),
        SemanticConfig.forSource(p.get("source"), p.find("semantic-dir").orElse(null),
            SemanticConfig.flag("metric-views", p.get("metric-views"))));
  }

  public static String newBatchId() {
    return LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
        + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /**
   * Refuses, before anything is read or written, a run whose files would land in a table the platform keeps for
   * itself ({@link ReservedNames}: {@code documents}, {@code document_embeddings}, names starting with {@code _}).
   */
  public static void checkTargets(IngestConfig cfg) {
    if (!cfg.only().isEmpty()) {
      // the files named: no listing of the (possibly large) uploads Volume
      for (String relative : cfg.only()) {
        java.nio.file.Path rel = java.nio.file.Path.of(relative);
        String name = rel.getFileName() == null ? relative : rel.getFileName().toString();
        int dot = name.lastIndexOf('.');
        refuseReserved(relative, rel.getNameCount() > 1 ? rel.getName(0).toString() : dot > 0 ? name.substring(0, dot) : name);
      }
      return;
    }
    java.nio.file.Path source = java.nio.file.Path.of(cfg.source());
    if (!java.nio.file.Files.exists(source)) {
      return; // the ingestion itself reports a missing source
    }
    for (SourceFile f : SourceDiscovery.discover(source)) {
      refuseReserved(f.relative(), f.datasetOrStem());
    }
  }

  private static void refuseReserved(String relative, String datasetOrStem) {
    ReservedNames.refusal(Names.toIdentifier(datasetOrStem), datasetOrStem).ifPresent(m -> {
      throw new IllegalArgumentException(relative + ": " + m);
    });
  }

  public static IngestReport run(SparkSession spark, IngestConfig cfg) {
    checkTargets(cfg);
    IngestReport report = new Ingestion(spark, cfg, System.out::println).run();
    System.out.println(report.summary());
    return report;
  }

  public static void main(String[] args) {
    IngestConfig cfg = config(args);
    checkTargets(cfg);
    SparkSession spark = SparkSession.builder().getOrCreate();
    IngestReport report = run(spark, cfg);
    if (report.anyFailed()) {
      StringBuilder sb = new StringBuilder("La ingesta terminó con archivos con error:");
      report.files().stream().filter(f -> f.status() == FileStatus.FAILED).forEach(f -> sb.append("\n  - ").append(f.message()));
      throw new IngestionFailedException(sb.toString());
    }
  }

  /** Thrown at the end of a run in which at least one file failed, after the others were loaded. */
  public static final class IngestionFailedException extends RuntimeException {
    public IngestionFailedException(String message) {
      super(message);
    }
  }
}
