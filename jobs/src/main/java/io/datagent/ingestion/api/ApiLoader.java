package io.datagent.ingestion.api;

import io.datagent.ingestion.FileOutcome;
import io.datagent.ingestion.FileStatus;
import io.datagent.ingestion.IngestConfig;
import io.datagent.ingestion.IngestionLog;
import io.datagent.ingestion.TableLoader;
import io.datagent.spark.DeltaTables;
import io.datagent.spark.Sql;
import io.datagent.spark.TableRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Load step: the saved pages of one run become, per endpoint, a raw table (one row per record: its JSON text and
 * lineage) and a typed, commented serving table upserted by id ({@link ServingMerge}), with the rows that do not fit
 * their types in {@code raw._quarantine} and one line per endpoint in {@code raw._ingestion_log} — the same tables and
 * typing the file ingestion uses. Content already loaded (same records, same table) is skipped and logged as such.
 * The source's high-water mark advances only after every endpoint committed.
 */
public final class ApiLoader {

  public static final StructType RAW_SCHEMA = new StructType()
      .add("record", DataTypes.StringType, false)
      .add("_source", DataTypes.StringType, false)
      .add("_run_id", DataTypes.StringType, false)
      .add("_source_url", DataTypes.StringType, false)
      .add("_page", DataTypes.IntegerType, false)
      .add("_record_index", DataTypes.IntegerType, false)
      .add("_fetched_at", DataTypes.TimestampType, false);

  private final SparkSession spark;
  private final IngestConfig tables;
  private final Consumer<String> progress;
  private final StepTimes times;

  /** {@code tables}: catalog and schemas (its source/archive fields are not used). */
  public ApiLoader(SparkSession spark, IngestConfig tables, Consumer<String> progress) {
    this(spark, tables, progress, new StepTimes());
  }

  /** As above, adding the wall time of each load step to {@code times} (the benchmark's breakdown). */
  public ApiLoader(SparkSession spark, IngestConfig tables, Consumer<String> progress, StepTimes times) {
    this.spark = spark;
    this.tables = tables;
    this.progress = progress;
    this.times = times;
  }

  public List<FileOutcome> load(ApiSource source, Path uploads, String run) {
    PageStore store = new PageStore(uploads, source.name(), run);
    IngestionLog log = new IngestionLog(spark, tables.log());
    List<FileOutcome> outcomes = new ArrayList<>();
    SourceState before = SourceState.read(uploads, source.name());
    String mark = before.highWaterMark();
    Map<String, SourceState.Loaded> loaded = new java.util.TreeMap<>(before.loaded());
    String error = null;
    for (ApiEndpoint ep : source.endpoints()) {
      Instant start = Instant.now();
      String file = "api/" + source.name() + "/" + run + "/" + ep.table();
      try {
        times.start();
        SavedPages saved = SavedPages.read(source, ep, store, run);
        times.lap("list pages");
        EndpointLoad endpoint = new EndpointLoad(spark, tables, source, ep, run, saved, log, before.loaded().get(ep.table()), file,
            start, times);
        FileOutcome o = endpoint.load();
        outcomes.add(o);
        if (o.status() == FileStatus.LOADED || o.status() == FileStatus.PARTIAL) {
          loaded.put(ep.table(), new SourceState.Loaded(o.sha256(), run, o.endedAt().toString()));
        }
        progress.accept("  " + (o.status() == FileStatus.FAILED ? "✗ " : "✓ ") + o.message());
        if (o.status() != FileStatus.FAILED && source.incremental().enabled()) {
          mark = max(mark, endpoint.highWater());
        }
      } catch (Exception e) {
        error = file + ": " + e.getMessage();
        outcomes.add(new FileOutcome(file, null, "api/" + source.name() + "/" + ep.table(), ep.table(), 0, 0, 0,
            FileStatus.FAILED, error, run, start, Instant.now()));
        progress.accept("  ✗ " + error);
      }
    }
    times.start();
    log.append(outcomes);
    times.lap("log append");
    boolean failed = outcomes.stream().anyMatch(o -> o.status() == FileStatus.FAILED);
    new SourceState(failed ? before.highWaterMark() : mark, run, failed ? "FAILED" : "LOADED",
        failed ? outcomes.stream().filter(o -> o.status() == FileStatus.FAILED).map(FileOutcome::message).findFirst().orElse(error) : null,
        Instant.now().toString(), loaded).write(uploads, source.name());
    times.lap("source state");
    return outcomes;
  }

  private static String max(String mark, String value) {
    return value == null || (mark != null && mark.compareTo(value) >= 0) ? mark : value;
  }

  /**
   * Writes the run's records as raw rows (one commit replacing this run's rows). Statistics are kept for the lineage
   * columns only: min/max of the JSON text would help no query and cost the write a pass over its longest column.
   */
  static void writeRaw(SparkSession spark, TableRef ref, String source, String run, JavaRDD<ParsedRecord> records, String comment)
      throws Exception {
    JavaRDD<Row> rows = records.map(r -> RowFactory.create(r.json(), source, run, r.url(), r.page(), r.index(), r.fetchedAt()));
    Dataset<Row> df = spark.createDataFrame(rows, RAW_SCHEMA);
    if (DeltaTables.exists(spark, ref)) {
      DeltaTables.replaceWhere(df, ref, "_source = " + Sql.literal(source) + " AND _run_id = " + Sql.literal(run), true);
    } else {
      DeltaTables.create(df, ref, comment, Map.of("delta.dataSkippingStatsColumns", "_source,_run_id,_page,_record_index,_fetched_at"));
    }
  }

  static void writeQuarantine(SparkSession spark, TableRef ref, String table, String filePrefix, List<Row> rows) {
    boolean exists = DeltaTables.exists(spark, ref);
    String predicate = "`table` = " + Sql.literal(table) + " AND source_file LIKE " + Sql.literal(filePrefix + "/%");
    if (rows.isEmpty() && (!exists || spark.table(ref.sql()).where(predicate).isEmpty())) {
      return;
    }
    DeltaTables.replaceWhere(spark.createDataFrame(rows, TableLoader.QUARANTINE_SCHEMA).coalesce(1), ref, predicate, exists);
  }


  static Map<String, String> lineageComments() {
    return Map.of("_source", "Fuente API de la que viene el registro", "_run_id", "Ejecución de extracción que lo trajo",
        "_source_url", "URL de la página en la que llegó", "_page", "Número de página en esa ejecución",
        "_fetched_at", "Momento en que se descargó la página", "_record_hash", "Huella del contenido del registro (detecta cambios)",
        "_loaded_at", "Momento en que se cargó esta versión", "deleted_at", "Momento en que el registro dejó de aparecer en la API (vacío si sigue)");
  }
}
