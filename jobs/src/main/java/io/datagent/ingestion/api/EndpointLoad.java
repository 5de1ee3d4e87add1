package io.datagent.ingestion.api;

import io.datagent.ingestion.FileOutcome;
import io.datagent.ingestion.FileStatus;
import io.datagent.ingestion.IngestConfig;
import io.datagent.ingestion.IngestionLog;
import io.datagent.spark.BackgroundWrite;
import io.datagent.spark.DeltaTables;
import io.datagent.spark.TableRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;


/** Loads one endpoint's records of one run: raw rows, typed serving upsert, quarantine; returns its log line. */
final class EndpointLoad {

  private final SparkSession spark;
  private final IngestConfig tables;
  private final ApiSource source;
  private final ApiEndpoint ep;
  private final String run;
  private final SavedPages saved;
  private String highWater;
  private final IngestionLog log;
  private final SourceState.Loaded last;
  private final String file;
  private final Instant start;
  private final StepTimes times;

  EndpointLoad(SparkSession spark, IngestConfig tables, ApiSource source, ApiEndpoint ep, String run, SavedPages saved,
      IngestionLog log, SourceState.Loaded last, String file, Instant start, StepTimes times) {
    this.last = last;
    this.times = times;
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

  /** The largest incremental-field value of the records read (null when none or not incremental). */
  String highWater() {
    return highWater;
  }

  FileOutcome load() throws Exception {
    // What was last loaded into this dataset is read while the pages are parsed (the driver waits on the tasks).
    String dataset = "api/" + source.name() + "/" + ep.table();
    // Without a serving table nothing of this dataset is loaded now, whatever the log says; with one, the source's
    // state names the content last loaded; only a state without it (written by an older version) needs the log.
    boolean servingExists = DeltaTables.exists(spark, tables.serving(ep.table()));
    FutureTask<Map<String, String>> loaded = new FutureTask<>(() -> {
      SparkSession.setActiveSession(spark);
      if (!servingExists) {
        return Map.of();
      }
      if (last != null) {
        return Map.of(last.sha256() + "|" + dataset, "el mismo contenido ya se cargó en la tabla " + tables.serving(ep.table())
            + " (ejecución " + last.run() + ", " + last.at().replace('T', ' ').substring(0, Math.min(16, last.at().length())) + " UTC)");
      }
      return log.lastLoadedInto(dataset);
    });
    Thread lookup = new Thread(loaded, "api-log-" + ep.table());
    lookup.setDaemon(true);
    lookup.start();
    ParsedPages parsed;
    try {
      parsed = ParsedPages.parse(spark, source, ep, saved);
    } catch (RuntimeException e) {
      lookup.join();
      throw e;
    }
    try {
      times.lap("parse pages + profile (tasks), log lookup beside");
      Map<String, String> previous;
      try {
        previous = loaded.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception c ? c : e;
      }
      times.lap("log lookup (rest)");
      return load(parsed, dataset, previous);
    } finally {
      parsed.release();
    }
  }

  private FileOutcome load(ParsedPages parsed, String dataset, Map<String, String> alreadyLoaded) throws Exception {
    RecordSummary summary = parsed.summary;
    highWater = summary.highWater;
    long records = parsed.kept();
    String sha = summary.contentSha();
    String previous = alreadyLoaded.get(sha + "|" + dataset);
    if (previous != null) {
      return outcome(sha, records, 0, 0, FileStatus.SKIPPED_DUPLICATE, ep.table() + ": sin cambios (" + previous + ")");
    }
    TableRef servingRef = tables.serving(ep.table());
    if (records == 0) {
      // An empty answer is not taken as "every record disappeared": that is more often an API hiccup than the truth.
      return outcome(sha, 0, 0, 0, FileStatus.LOADED, ep.table() + ": la API no devolvió registros; no se marca ninguno como borrado");
    }
    StructType existing = DeltaTables.schemaOrNull(spark, servingRef);
    TypedColumns cols = new TypedColumns(ep, summary.profiles, existing, saved.apiDescriptions);
    RecordKey key = ep.id();
    key.check(cols, existing, servingRef.toString());
    String description = "Datos de la API " + source.name() + " (" + source.baseUrl() + ep.path() + "), clave "
        + String.join(RecordKey.SEPARATOR, key.fields()) + "; cargados por ApiLoadJob.";
    times.lap("types");

    // The raw and serving writes read the same cached records: they run side by side (see BackgroundWrite).
    long[] rawNanos = new long[1];
    Future<Void> rawWrite = BackgroundWrite.start("api-raw-" + ep.table(), () -> {
      long t0 = System.nanoTime();
      ApiLoader.writeRaw(spark, tables.raw(ep.table()), source.name(), run, parsed.records, "Registros tal como llegaron de " + description);
      rawNanos[0] = System.nanoTime() - t0;
      return null;
    });
    boolean servingWritten = false;
    Timestamp loadedAt = Timestamp.from(Instant.now());
    CollectionAccumulator<Row> quarantined = spark.sparkContext().collectionAccumulator("api-quarantine-" + ep.table());
    StructType serving = ServingMerge.withLineage(key.withKeyColumn(cols.schema));
    boolean merging = existing != null;
    JavaRDD<Row> rows = parsed.records.mapPartitions(new ServingRows(source, ep, cols, parsed.summary.repeats,
        "api/" + source.name() + "/" + run + "/" + ep.table() + "/", run, loadedAt, quarantined));
    // A MERGE reads its source more than once: there the typed rows are cached so they are typed once; a new table is
    // written in one pass.
    Dataset<Row> typed = ServingMerge.withMetadata(spark.createDataFrame(rows, serving.add("_ok", DataTypes.BooleanType, false)), serving);
    if (merging) {
      typed = typed.persist(StorageLevel.MEMORY_AND_DISK());
    }
    try {
      ServingMerge.merge(spark, servingRef, typed, serving, key.column(cols), !source.incremental().enabled(), source.name(),
          description);
      servingWritten = true;
    } finally {
      BackgroundWrite.await(rawWrite, servingWritten);
      if (merging) {
        typed.unpersist();
      }
    }
    times.lap("raw + serving writes (side by side)");
    times.add("  of which raw write", rawNanos[0]);
    // every partition was typed by the write above, so the accumulator holds every failing cell (maybe twice)
    List<Row> quarantine = distinct(quarantined.value());
    long bad = quarantine.stream().map(q -> q.getString(1) + "#" + q.getLong(2)).distinct().count();
    long loaded = records - bad;
    ApiLoader.writeQuarantine(spark, tables.quarantine(), ep.table(), file, quarantine);
    times.lap("quarantine");
    String msg = ep.table() + ": " + loaded + " registro(s) en " + servingRef + " desde " + parsed.pages + " página(s)"
        + (bad > 0 ? "; " + bad + " en cuarentena" + parsed.summary.repeats.message(key) : "")
        + (parsed.repeated > 0 ? "; " + parsed.repeated + " registro(s) repetidos entre páginas (la fuente cambió durante la extracción; se guardó la última versión)" : "");
    return outcome(sha, records, loaded, bad, bad > 0 || parsed.repeated > 0 ? FileStatus.PARTIAL : FileStatus.LOADED, msg);
  }

  /** Quarantine rows once each (an accumulator may see a task's rows twice when Spark recomputes a partition). */
  private static List<Row> distinct(List<Row> rows) {
    Map<String, Row> out = new java.util.TreeMap<>();
    for (Row q : rows) {
      out.putIfAbsent(q.getString(1) + "#" + String.format("%012d", q.getLong(2)) + "#" + q.getString(3), q);
    }
    return new ArrayList<>(out.values());
  }

  private FileOutcome outcome(String sha, long read, long loaded, long quarantined, FileStatus status, String message) {
    return new FileOutcome(file, sha, "api/" + source.name() + "/" + ep.table(), ep.table(), read, loaded, quarantined, status,
        message, run, start, Instant.now());
  }
}
