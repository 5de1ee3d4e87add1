package io.datagent.embedding;

import io.datagent.config.ArgSpec;
import io.datagent.retrieval.EmbeddingModel;
import io.datagent.spark.DeltaTables;
import io.datagent.spark.TableRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Spark JAR task that keeps the search documents and their embeddings in step with the serving tables: builds
 * {@code serving.documents} (table cards, row documents, passages of uploaded text files), embeds only what is new or
 * changed (by content hash) and removes what disappeared, in one MERGE into {@code serving.document_embeddings}. A
 * re-run on unchanged data embeds nothing and commits nothing. The embeddings table always has Change Data Feed on
 * ({@link #EMBEDDING_PROPERTIES}), so a Vector Search delta-sync index can be built over it.
 *
 * <p>Runs as a Databricks {@code spark_jar_task} after ingestion ({@code --provider databricks --endpoint <name>}, the
 * endpoint the App also queries) and locally through {@code ./agent embed} (the bundled ONNX model). Throws on failure;
 * the embeddings table is then untouched.
 */
public final class EmbedJob {

  static final List<String> EMBEDDING_COLUMNS = List.of("id", "model", "dimension", "vector", "content_hash", "updated_at",
      "kind", "table", "source_file", "source_row", "text");
  /**
   * Table properties of {@code serving.document_embeddings}: Change Data Feed, which a Databricks Vector Search
   * delta-sync index over the table requires (it syncs from the feed). Set when the table is created or rebuilt, and
   * turned on once in an existing table that lacks it. Not set on {@code serving.documents}.
   */
  static final Map<String, String> EMBEDDING_PROPERTIES = Map.of("delta.enableChangeDataFeed", "true");
  static final List<String> DOCUMENT_COLUMNS = List.of("id", "kind", "table", "source_file", "source_row", "text",
      "content_hash", "updated_at");

  private EmbedJob() {}

  public static ArgSpec argSpec() {
    return new ArgSpec("EmbedJob")
        .optional("catalog", "", "catálogo de Unity Catalog (vacío: el del clúster)")
        .optional("raw-schema", "raw", "esquema de la capa de texto y del registro de ingesta")
        .optional("serving-schema", "serving", "esquema de las tablas tipadas; ahí se escriben documents y document_embeddings")
        .optional("uploads", "", "carpeta de cargas (Volume): sus .md y los .txt de _docs/ se dividen en pasajes")
        .optional("provider", EmbedderSpec.LOCAL, "local (modelo ONNX en proceso) o databricks (endpoint de Model Serving)")
        .optional("endpoint", "", "nombre del endpoint de embeddings (provider databricks)")
        .optional("host", "", "URL del workspace (provider databricks; por defecto DATABRICKS_HOST)")
        .optional("batch-size", "32", "textos por llamada al modelo")
        .optional("dimension", "0", "dimensión esperada de los vectores (0: la que dé el modelo)")
        .optional("timeout-seconds", "60", "tiempo máximo de una llamada al endpoint")
        .optional("max-chars", "800", "tamaño máximo de cada fragmento de texto, en caracteres")
        .optional("vector-search", "false", "true: tras escribir, sincroniza el índice de Vector Search (provider databricks)")
        .optional("vector-search-index", "", "nombre completo del índice TRIGGERED a sincronizar (catálogo.esquema.índice)")
        .optional("wait-seconds", "900", "espera máxima a que el índice termine de sincronizarse (menos que el "
            + "timeout_seconds de la tarea, que también cubre la vectorización)")
        .flag("rebuild", "vuelve a vectorizar todo y reemplaza la tabla de embeddings (para cambiar de modelo)");
  }

  /**
   * The job's configuration from its parameters; {@code env} is the process environment the main read (the
   * Databricks provider's host and credentials when {@code --host} is not given).
   */
  public static EmbedConfig config(Map<String, String> env, String... args) {
    ArgSpec.Parsed p = argSpec().parse(args);
    int batch = p.getInt("batch-size");
    int maxChars = p.getInt("max-chars");
    if (batch < 1 || batch > 2048) {
      throw new IllegalArgumentException("EmbedJob: --batch-size must be between 1 and 2048, got " + batch);
    }
    if (maxChars < 100) {
      throw new IllegalArgumentException("EmbedJob: --max-chars must be at least 100, got " + maxChars);
    }
    String provider = p.get("provider").trim().toLowerCase(java.util.Locale.ROOT);
    EmbedderSpec spec;
    if (provider.equals(EmbedderSpec.LOCAL)) {
      spec = EmbedderSpec.local(1, batch);
    } else if (provider.equals(EmbedderSpec.DATABRICKS)) {
      String endpoint = p.find("endpoint").orElseThrow(() ->
          new IllegalArgumentException("EmbedJob: --provider databricks needs --endpoint <serving endpoint name>"));
      String host = p.find("host").orElse(env.get("DATABRICKS_HOST"));
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("EmbedJob: --provider databricks needs --host or DATABRICKS_HOST");
      }
      // Neither a token nor a client id: the job's run_as identity, resolved on the driver (JobWorkspace).
      String token = env.get("DATABRICKS_TOKEN");
      String clientId = env.get("DATABRICKS_CLIENT_ID");
      spec = new EmbedderSpec(EmbedderSpec.DATABRICKS, 1, host, token, clientId, env.get("DATABRICKS_CLIENT_SECRET"),
          endpoint, batch, p.getInt("dimension"), Duration.ofSeconds(p.getInt("timeout-seconds")));
    } else {
      throw new IllegalArgumentException("EmbedJob: --provider must be local or databricks, got '" + p.get("provider") + "'");
    }
    String index = null;
    if (p.get("vector-search").strip().equalsIgnoreCase("true")) {
      index = p.find("vector-search-index").map(String::strip).filter(i -> i.split("\\.").length == 3).orElseThrow(() ->
          new IllegalArgumentException("EmbedJob: --vector-search true needs --vector-search-index <catalog>.<schema>.<index>"));
      if (!provider.equals(EmbedderSpec.DATABRICKS)) {
        throw new IllegalArgumentException("EmbedJob: --vector-search true needs --provider databricks");
      }
    }
    int wait = p.getInt("wait-seconds");
    if (wait <= 0) {
      throw new IllegalArgumentException("EmbedJob: --wait-seconds must be greater than 0, got " + wait);
    }
    return new EmbedConfig(p.find("catalog").orElse(null), p.get("raw-schema"), p.get("serving-schema"),
        p.find("uploads").orElse(null), spec, maxChars, p.getBoolean("rebuild"), index, Duration.ofSeconds(wait));
  }

  public static EmbedReport run(SparkSession spark, EmbedConfig cfg) {
    return run(spark, cfg, System.out::println);
  }

  public static EmbedReport run(SparkSession spark, EmbedConfig cfg, Consumer<String> log) {
    return run(spark, cfg, IndexSyncWait.Limits.defaults(cfg.indexWait()), log);
  }

  /** {@link #run(SparkSession, EmbedConfig, Consumer)} waiting for the index's sync within {@code limits}. */
  static EmbedReport run(SparkSession spark, EmbedConfig cfg, IndexSyncWait.Limits limits, Consumer<String> log) {
    long t0 = System.nanoTime();
    TableRef emb = cfg.embeddings();
    boolean exists = DeltaTables.exists(spark, emb);
    List<TableRef> tables = ServingTables.list(spark, cfg);
    String inputs = EmbedInputs.fingerprint(spark, cfg, tables);
    if (exists && !cfg.rebuild()) {
      Optional<EmbedInputs.Recorded> same = unchangedSince(spark, cfg, inputs);
      if (same.isPresent()) {
        EmbedInputs.Recorded r = same.get();
        EmbedReport report = new EmbedReport(cfg.embedder().modelId(), r.tableCards(), r.rows(), r.passages(), 0, 0,
            r.tableCards() + r.rows() + r.passages(), List.of(), (System.nanoTime() - t0) / 1e9);
        log.accept("Embeddings: ni las " + tables.size() + " tabla(s) de " + cfg.servingSchema() + " ni los archivos de texto "
            + "cambiaron desde la última ejecución; no se lee ni se vectoriza nada");
        if (cfg.vectorSearchIndex() != null) {
          IndexSync.resyncIfFailed(JobWorkspace.of(cfg.embedder()), cfg.vectorSearchIndex(), limits, log);
        }
        log.accept(report.summary());
        return report;
      }
    }
    EmbedderSpec spec = resolve(cfg.embedder());
    log.accept("Embeddings: modelo " + spec.modelId() + " (" + spec.dimension() + " dimensiones), lotes de " + spec.batchSize()
        + (cfg.rebuild() ? ", reconstrucción completa" : ""));
    if (exists && !cfg.rebuild()) {
      checkModel(spark, emb, spec);
    }
    DocumentSet.Built built = DocumentSet.build(spark, cfg, tables, log);
    Dataset<Row> docs = built.documents();
    long total = built.tableCards() + built.rows() + built.passages();
    log.accept(String.format(java.util.Locale.ROOT, "  %d documentos construidos (%.1f s)", total, (System.nanoTime() - t0) / 1e9));
    EmbedInputs.Recorded record = new EmbedInputs.Recorded(inputs, built.tableCards(), built.rows(), built.passages());
    try {
      long[] diff = EmbedInputs.recording(spark, record, () -> {
        long[] d = syncEmbeddings(spark, cfg, spec, docs, exists, log);
        syncDocuments(spark, cfg, docs, log);
        return d;
      });
      EmbedReport report = new EmbedReport(spec.modelId(), built.tableCards(), built.rows(), built.passages(), diff[0], diff[1],
          total - diff[0], built.skipped(), (System.nanoTime() - t0) / 1e9);
      if (cfg.vectorSearchIndex() != null && diff[0] + diff[1] > 0) {
        syncIndex(JobWorkspace.of(spec), cfg.vectorSearchIndex(), limits, log);
      } else if (cfg.vectorSearchIndex() != null) {
        IndexSync.resyncIfFailed(JobWorkspace.of(spec), cfg.vectorSearchIndex(), limits, log);
      }
      log.accept(report.summary());
      return report;
    } finally {
      docs.unpersist();
    }
  }

  /**
   * The record of the last run when this run's inputs are the ones both search tables were last written from (and
   * neither was changed since by anything but maintenance): then there is nothing to do.
   */
  private static Optional<EmbedInputs.Recorded> unchangedSince(SparkSession spark, EmbedConfig cfg, String inputs) {
    if (!DeltaTables.exists(spark, cfg.documents())) {
      return Optional.empty();
    }
    Optional<EmbedInputs.Recorded> emb = EmbedInputs.recorded(spark, cfg.embeddings());
    if (emb.isEmpty() || !emb.get().inputs().equals(inputs)) {
      return Optional.empty();
    }
    Optional<EmbedInputs.Recorded> docs = EmbedInputs.recorded(spark, cfg.documents());
    return docs.isPresent() && docs.get().equals(emb.get()) ? emb : Optional.empty();
  }

  /** Embeds new and changed documents and applies them with the deletions in one commit; returns {embedded, deleted}. */
  private static long[] syncEmbeddings(SparkSession spark, EmbedConfig cfg, EmbedderSpec spec, Dataset<Row> docs,
      boolean exists, Consumer<String> log) {
    TableRef emb = cfg.embeddings();
    boolean incremental = exists && !cfg.rebuild();
    Dataset<Row> changed = docs;
    Dataset<Row> removed = null;
    long nRemoved = 0;
    if (incremental) {
      Dataset<Row> have = spark.table(emb.sql()).select("id", "content_hash");
      changed = docs.join(have, docs.col("id").equalTo(have.col("id"))
          .and(docs.col("content_hash").equalTo(have.col("content_hash"))), "left_anti");
      removed = have.select("id").join(docs.select("id"), have.col("id").equalTo(docs.col("id")), "left_anti");
      nRemoved = removed.count();
    }
    long nChanged = changed.count();
    if (incremental && nChanged == 0 && nRemoved == 0) {
      enableChangeDataFeed(spark, emb, log);
      log.accept("  " + emb + ": sin cambios, no se vectoriza nada");
      return new long[] {0, 0};
    }
    log.accept("  vectorizando " + nChanged + " documento(s) nuevos o modificados" + (nRemoved > 0 ? ", eliminando " + nRemoved : "") + "...");
    int parallelism = Math.max(1, spark.sparkContext().defaultParallelism());
    int parts = (int) Math.max(1, Math.min(parallelism * 2L, (nChanged + spec.batchSize() - 1) / spec.batchSize()));
    Dataset<Row> embedded = changed.repartition(parts)
        .mapPartitions(new EmbedPartition(spec), Encoders.row(DocumentSchema.EMBEDDED))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long t0 = System.nanoTime();
      embedded.count(); // every vector exists before the single commit below
      long t1 = System.nanoTime();
      if (incremental) {
        enableChangeDataFeed(spark, emb, log); // before the MERGE, so the feed records its changes
      }
      DeltaUpsert.apply(spark, emb, EMBEDDING_COLUMNS, embedded, removed, DocumentSchema.EMBEDDINGS_COMMENT,
          EMBEDDING_PROPERTIES, exists, cfg.rebuild());
      log.accept(String.format(java.util.Locale.ROOT, "  vectorizados en %.1f s (%.1f docs/s), escritos en %s en %.1f s",
          (t1 - t0) / 1e9, nChanged / Math.max(1e-9, (t1 - t0) / 1e9), emb, (System.nanoTime() - t1) / 1e9));
    } finally {
      embedded.unpersist();
    }
    return new long[] {nChanged, nRemoved};
  }

  private static void syncDocuments(SparkSession spark, EmbedConfig cfg, Dataset<Row> docs, Consumer<String> log) {
    TableRef ref = cfg.documents();
    boolean exists = DeltaTables.exists(spark, ref);
    long t0 = System.nanoTime();
    if (!exists) {
      DeltaUpsert.apply(spark, ref, DOCUMENT_COLUMNS, docs, null, DocumentSchema.DOCUMENTS_COMMENT, Map.of(), false, false);
      log.accept(String.format(java.util.Locale.ROOT, "  %s creada (%.1f s)", ref, (System.nanoTime() - t0) / 1e9));
      return;
    }
    Dataset<Row> have = spark.table(ref.sql()).select("id", "content_hash");
    Dataset<Row> changed = docs.join(have, docs.col("id").equalTo(have.col("id"))
        .and(docs.col("content_hash").equalTo(have.col("content_hash"))), "left_anti");
    Dataset<Row> removed = have.select("id").join(docs.select("id"), have.col("id").equalTo(docs.col("id")), "left_anti");
    if (changed.isEmpty() && removed.isEmpty()) {
      return;
    }
    DeltaUpsert.apply(spark, ref, DOCUMENT_COLUMNS, changed, removed, DocumentSchema.DOCUMENTS_COMMENT, Map.of(), true, false);
    log.accept(String.format(java.util.Locale.ROOT, "  %s actualizada (%.1f s)", ref, (System.nanoTime() - t0) / 1e9));
  }

  /**
   * Turns Change Data Feed on in an embeddings table created without it (by an older EmbedJob, or by hand): one
   * {@code ALTER TABLE} commit the first time, nothing once it is on. Called only when the run's vectors are ready, so
   * a run that fails before its commit still leaves the table untouched.
   */
  private static void enableChangeDataFeed(SparkSession spark, TableRef emb, Consumer<String> log) {
    if (!DeltaUpsert.ensureProperties(spark, emb, EMBEDDING_PROPERTIES).isEmpty()) {
      log.accept("  " + emb + ": Change Data Feed activado (delta.enableChangeDataFeed = true, para Vector Search)");
    }
  }

  /**
   * Syncs the TRIGGERED Vector Search index over the embeddings just written and waits, within {@code limits}, until
   * the index reports the sync finished ({@link IndexSync}, the path IndexSyncJob takes too). A refusal, a failed
   * sync or the deadline fails the run with a Spanish message naming the index (the table is already committed; the
   * next run or a manual sync catches the index up).
   */
  static void syncIndex(JobWorkspace workspace, String index, IndexSyncWait.Limits limits, Consumer<String> log) {
    log.accept(IndexSync.finished(index, IndexSync.syncAndWait(workspace, index, limits, log)));
  }

  /**
   * The spec ready for the executors: a Databricks spec without a token or client id gets a token of the job's own
   * identity (JobWorkspace), and the dimension is learnt by asking the endpoint once on the driver (fails fast when it
   * is down).
   */
  static EmbedderSpec resolve(EmbedderSpec spec) {
    if (EmbedderSpec.DATABRICKS.equals(spec.provider()) && blank(spec.token()) && blank(spec.clientId())) {
      spec = spec.withToken(JobWorkspace.of(spec).bearerToken());
    }
    if (spec.dimension() > 0) {
      return spec;
    }
    EmbeddingModel model = Embedders.get(spec);
    return spec.withDimension(model.dimension());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Refuses to add vectors of another model (or dimension) to a table that has some. */
  static void checkModel(SparkSession spark, TableRef emb, EmbedderSpec spec) {
    for (Row r : spark.sql("SELECT model, dimension, count(*) FROM " + emb.sql() + " GROUP BY model, dimension").collectAsList()) {
      String model = r.getString(0);
      int dim = r.isNullAt(1) ? 0 : r.getInt(1);
      if (!spec.modelId().equals(model) || dim != spec.dimension()) {
        throw new IllegalStateException(emb + " tiene " + r.getLong(2) + " vectores del modelo '" + model + "' (" + dim
            + " dimensiones) y esta ejecución usa '" + spec.modelId() + "' (" + spec.dimension() + " dimensiones): no se "
            + "mezclan modelos en una tabla. Para vectorizar todo de nuevo con '" + spec.modelId() + "', ejecute con "
            + "--rebuild (localmente: ./agent embed --rebuild), que reemplaza la tabla en una sola transacción; para "
            + "seguir con '" + model + "', use el --provider/--endpoint de ese modelo. Después reinicie la App.");
      }
    }
  }

  public static void main(String[] args) {
    EmbedConfig cfg = config(System.getenv(), args);
    run(SparkSession.builder().getOrCreate(), cfg);
  }
}
