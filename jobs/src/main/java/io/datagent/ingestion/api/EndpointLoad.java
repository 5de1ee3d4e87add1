package io.datagent.ingestion.api;

import io.datagent.ingestion.FileOutcome;
import io.datagent.ingestion.FileStatus;
import io.datagent.ingestion.IngestConfig;
import io.datagent.ingestion.IngestionLog;
import io.datagent.spark.DeltaTables;
import io.datagent.spark.TableRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;

import static org.apache.spark.sql.functions.col;

/** Loads one endpoint's records of one run: raw rows, typed serving upsert, quarantine; returns its log line. */
final class EndpointLoad {

  private final SparkSession spark;
  private final IngestConfig tables;
  private final ApiSource source;
  private final ApiEndpoint ep;
  private final String run;
  private final SavedRecords saved;
  private final IngestionLog log;
  private final String file;
  private final Instant start;

  EndpointLoad(SparkSession spark, IngestConfig tables, ApiSource source, ApiEndpoint ep, String run, SavedRecords saved,
      IngestionLog log, String file, Instant start) {
    this.spark = spark;
    this.tables = tables;
    this.source = source;
    this.ep = ep;
    this.run = run;
    this.saved = saved;
    this.log = log;
    this.file = file;
    this.start = start;
  }

  FileOutcome load() throws Exception {
    List<ApiRecord> records = saved.records;
    String dataset = "api/" + source.name() + "/" + ep.table();
    String sha = contentSha(records);
    String previous = log.loaded(List.of(sha)).get(sha + "|" + dataset);
    if (previous != null) {
      return outcome(sha, records.size(), 0, 0, FileStatus.SKIPPED_DUPLICATE, ep.table() + ": sin cambios (" + previous + ")");
    }
    TableRef servingRef = tables.serving(ep.table());
    if (records.isEmpty()) {
      // An empty answer is not taken as "every record disappeared": that is more often an API hiccup than the truth.
      return outcome(sha, 0, 0, 0, FileStatus.LOADED, ep.table() + ": la API no devolvió registros; no se marca ninguno como borrado");
    }
    TypedColumns cols = new TypedColumns(ep, records, DeltaTables.schemaOrNull(spark, servingRef), saved.apiDescriptions);
    int idIndex = cols.indexOf(ep.idField());
    if (idIndex < 0) {
      throw new IllegalArgumentException("el campo id '" + ep.idField() + "' no aparece en ningún registro (clave 'id' del endpoint)");
    }
    String description = "Datos de la API " + source.name() + " (" + source.baseUrl() + ep.path() + "), clave " + ep.idField()
        + "; cargados por ApiLoadJob.";
    ApiLoader.writeRaw(spark, tables.raw(ep.table()), source.name(), run, records, "Registros tal como llegaron de " + description);

    Timestamp loadedAt = Timestamp.from(Instant.now());
    // The serving rows are typed in the executors from the raw rows just written (see ServingRows). A MERGE reads its
    // source more than once: there the typed rows are cached so they are typed once; a new table is written in one pass.
    CollectionAccumulator<Row> quarantined = spark.sparkContext().collectionAccumulator("api-quarantine-" + ep.table());
    StructType serving = withLineage(cols.schema);
    TableRef rawRef = tables.raw(ep.table());
    boolean merging = DeltaTables.exists(spark, servingRef);
    Dataset<Row> typed = spark.table(rawRef.sql())
        .where(col("_source").equalTo(source.name()).and(col("_run_id").equalTo(run)))
        .select(ApiLoader.RAW_SCHEMA.fieldNames()[0], Arrays.copyOfRange(ApiLoader.RAW_SCHEMA.fieldNames(), 1, 7))
        .mapPartitions(new ServingRows(ep, cols, "api/" + source.name() + "/" + run + "/" + ep.table() + "/", run, loadedAt, quarantined),
            Encoders.row(serving.add("_ok", DataTypes.BooleanType, false)));
    typed = withMetadata(typed, serving); // the encoder drops the column comments the new table takes from the schema
    if (merging) {
      typed = typed.persist(StorageLevel.MEMORY_AND_DISK());
    }
    try {
      Map<String, String> comments = new java.util.LinkedHashMap<>(cols.comments);
      comments.putAll(ApiLoader.lineageComments());
      ServingMerge.merge(spark, servingRef, typed, serving, cols.names.get(idIndex), !source.incremental().enabled(), source.name(),
          description, comments);
      // every partition was typed by the write above, so the accumulator holds every failing cell (maybe twice)
      List<Row> quarantine = distinct(quarantined.value());
      long bad = quarantine.stream().map(q -> q.getString(1) + "#" + q.getLong(2)).distinct().count();
      long loaded = records.size() - bad;
      ApiLoader.writeQuarantine(spark, tables.quarantine(), ep.table(), file, quarantine);
      String msg = ep.table() + ": " + loaded + " registro(s) en " + servingRef + " desde " + saved.pages + " página(s)"
          + (bad > 0 ? "; " + bad + " en cuarentena" : "")
          + (saved.repeated > 0 ? "; " + saved.repeated + " registro(s) repetidos entre páginas (la fuente cambió durante la extracción; se guardó la última versión)" : "");
      return outcome(sha, records.size(), loaded, bad, bad > 0 || saved.repeated > 0 ? FileStatus.PARTIAL : FileStatus.LOADED, msg);
    } finally {
      if (merging) {
        typed.unpersist();
      }
    }
  }

  private static Dataset<Row> withMetadata(Dataset<Row> df, StructType schema) {
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      cols.add(col(TableRef.quote(f.name())).as(f.name(), f.metadata()));
    }
    cols.add(col("_ok"));
    return df.select(cols.toArray(org.apache.spark.sql.Column[]::new));
  }

  /** The hash of the endpoint's content: every record's JSON, one per line (what a re-run of the same data repeats). */
  private static String contentSha(List<ApiRecord> records) {
    try {
      java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
      for (ApiRecord r : records) {
        d.update(r.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        d.update((byte) '\n');
      }
      return java.util.HexFormat.of().formatHex(d.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Quarantine rows once each (an accumulator may see a task's rows twice when Spark recomputes a partition). */
  private static List<Row> distinct(List<Row> rows) {
    Map<String, Row> out = new java.util.TreeMap<>();
    for (Row q : rows) {
      out.putIfAbsent(q.getString(1) + "#" + String.format("%012d", q.getLong(2)) + "#" + q.getString(3), q);
    }
    return new ArrayList<>(out.values());
  }
  private static StructType withLineage(StructType data) {
    Map<String, String> c = ApiLoader.lineageComments();
    StructType s = data;
    for (String name : ServingMerge.LINEAGE) {
      var type = switch (name) {
        case "_page" -> DataTypes.IntegerType;
        case "_fetched_at", "_loaded_at", "deleted_at" -> DataTypes.TimestampType;
        default -> DataTypes.StringType;
      };
      s = s.add(DeltaTables.withComment(new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty()), c.get(name), Map.of()));
    }
    return s;
  }

  private FileOutcome outcome(String sha, long read, long loaded, long quarantined, FileStatus status, String message) {
    return new FileOutcome(file, sha, "api/" + source.name() + "/" + ep.table(), ep.table(), read, loaded, quarantined, status,
        message, run, start, Instant.now());
  }
}
