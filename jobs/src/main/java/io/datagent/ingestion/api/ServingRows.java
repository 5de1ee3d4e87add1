package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Runs in the executors: turns the raw rows of one run (record JSON + lineage, read back from the raw table) into
 * typed serving rows with a trailing {@code _ok} flag, and reports every cell that does not fit its type — and every
 * record without an id — to {@code quarantine} as a {@code raw._quarantine} row.
 *
 * <p>The serving rows are built where the data is, instead of on the driver and shipped into the tasks (which
 * serialized every typed cell of every row with Java serialization, the loader's largest single cost).
 */
final class ServingRows implements MapPartitionsFunction<Row, Row> {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordFlattener flattener;
  private final TypedColumns cols;
  private final String idField;
  private final String table;
  private final String pagePrefix;
  private final String run;
  private final Timestamp loadedAt;
  private final CollectionAccumulator<Row> quarantine;

  ServingRows(ApiEndpoint ep, TypedColumns cols, String pagePrefix, String run, Timestamp loadedAt,
      CollectionAccumulator<Row> quarantine) {
    this.flattener = new RecordFlattener(ep);
    this.cols = cols;
    this.idField = ep.idField();
    this.table = ep.table();
    this.pagePrefix = pagePrefix;
    this.run = run;
    this.loadedAt = loadedAt;
    this.quarantine = quarantine;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> raw) throws Exception {
    int width = cols.originals.size();
    int idIndex = cols.indexOf(idField);
    List<Row> out = new ArrayList<>();
    while (raw.hasNext()) {
      Row r = raw.next(); // record, _source, _run_id, _source_url, _page, _record_index, _fetched_at
      String json = r.getString(0);
      int page = r.getInt(4);
      int index = r.getInt(5);
      Map<String, String> fields = flattener.flatten(JSON.readTree(json));
      List<TypedColumns.Failure> failures = new ArrayList<>(0);
      Object[] v = cols.convert(fields, ServingMerge.LINEAGE.size() + 1, failures);
      String id = fields.get(idField);
      if (id == null || id.isBlank()) {
        failures.add(new TypedColumns.Failure(cols.names.get(idIndex), null, "el registro no tiene el campo id '" + idField + "'"));
      }
      String pageFile = pagePrefix + String.format("page-%05d.json", page);
      for (TypedColumns.Failure f : failures) {
        quarantine.add(RowFactory.create(table, pageFile, (long) index, f.column(), f.value(), f.reason(), run, loadedAt));
      }
      if (!failures.isEmpty() && v[idIndex] == null) {
        continue; // without a usable id it cannot even count as seen
      }
      Object[] lineage = {r.getString(1), run, r.getString(3), page, r.getTimestamp(6), ApiExtractor.sha256(json), loadedAt,
          null, failures.isEmpty()};
      System.arraycopy(lineage, 0, v, width, lineage.length);
      out.add(RowFactory.create(v));
    }
    return out.iterator();
  }
}
