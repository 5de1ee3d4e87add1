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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

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
    StringBuilder all = new StringBuilder();
    records.forEach(r -> all.append(r.json()).append('\n'));
    String sha = ApiExtractor.sha256(all.toString());
    String previous = log.loaded(List.of(sha)).get(sha + "|" + dataset);
    if (previous != null) {
      return outcome(sha, records.size(), 0, 0, FileStatus.SKIPPED_DUPLICATE, ep.table() + ": sin cambios (" + previous + ")");
    }
    TableRef servingRef = tables.serving(ep.table());
    if (records.isEmpty()) {
      // An empty answer is not taken as "every record disappeared": that is more often an API hiccup than the truth.
      return outcome(sha, 0, 0, 0, FileStatus.LOADED, ep.table() + ": la API no devolvió registros; no se marca ninguno como borrado");
    }
    TypedColumns cols = new TypedColumns(ep, records, DeltaTables.schemaOrNull(spark, servingRef));
    int idIndex = cols.indexOf(ep.idField());
    if (idIndex < 0) {
      throw new IllegalArgumentException("el campo id '" + ep.idField() + "' no aparece en ningún registro (clave 'id' del endpoint)");
    }
    String description = "Datos de la API " + source.name() + " (" + source.baseUrl() + ep.path() + "), clave " + ep.idField()
        + "; cargados por ApiLoadJob.";
    ApiLoader.writeRaw(spark, tables.raw(ep.table()), source.name(), run, records, "Registros tal como llegaron de " + description);

    Timestamp loadedAt = Timestamp.from(Instant.now());
    int width = cols.originals.size();
    List<Row> rows = new ArrayList<>(records.size());
    List<Row> quarantine = new ArrayList<>();
    long loaded = 0;
    for (ApiRecord r : records) {
      List<TypedColumns.Failure> failures = new ArrayList<>(0);
      Object[] v = cols.convert(r, ServingMerge.LINEAGE.size() + 1, failures);
      if (r.fields().get(ep.idField()) == null || r.fields().get(ep.idField()).isBlank()) {
        failures.add(new TypedColumns.Failure(cols.names.get(idIndex), null, "el registro no tiene el campo id '" + ep.idField() + "'"));
      }
      boolean ok = failures.isEmpty();
      for (TypedColumns.Failure f : failures) {
        quarantine.add(RowFactory.create(ep.table(), r.pageFile(), (long) r.index(), f.column(), f.value(), f.reason(), run,
            loadedAt));
      }
      if (!ok && v[idIndex] == null) {
        continue; // without a usable id it cannot even count as seen
      }
      Object[] lineage = {source.name(), run, r.url(), r.page(), Timestamp.from(r.fetchedAt()), ApiExtractor.sha256(r.json()),
          loadedAt, null, ok};
      System.arraycopy(lineage, 0, v, width, lineage.length);
      rows.add(RowFactory.create(v));
      loaded += ok ? 1 : 0;
    }
    StructType serving = withLineage(cols.schema);
    Map<String, String> comments = new java.util.LinkedHashMap<>(cols.comments);
    comments.putAll(ApiLoader.lineageComments());
    ServingMerge.merge(spark, servingRef, ApiLoader.frame(spark, rows, serving.add("_ok", DataTypes.BooleanType, false)),
        serving, cols.names.get(idIndex), !source.incremental().enabled(), description, comments);
    ApiLoader.writeQuarantine(spark, tables.quarantine(), ep.table(), file, quarantine);
    long bad = records.size() - loaded;
    String msg = ep.table() + ": " + loaded + " registro(s) en " + servingRef + " desde " + saved.pages + " página(s)"
        + (bad > 0 ? "; " + bad + " en cuarentena" : "")
        + (saved.repeated > 0 ? "; " + saved.repeated + " registro(s) repetidos entre páginas (la fuente cambió durante la extracción; se guardó la última versión)" : "");
    return outcome(sha, records.size(), loaded, bad, bad > 0 || saved.repeated > 0 ? FileStatus.PARTIAL : FileStatus.LOADED, msg);
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
