package io.datagent.ingestion.api;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;

/**
 * Runs in the executors: turns the parsed records of one run (cached by {@link ParsedPages}, not parsed again) into
 * typed serving rows (the data columns, the composite key's {@code _id} if any, the lineage) with a trailing {@code _ok}
 * flag, and reports every cell that does not fit its type — and every record without an id or whose id an earlier
 * record of its page has ({@link PageRepeats}) — to {@code quarantine} as a {@code raw._quarantine} row.
 *
 * <p>The serving rows are built where the data is, instead of on the driver and shipped into the tasks (which
 * serialized every typed cell of every row with Java serialization, the loader's largest single cost).
 */
final class ServingRows implements FlatMapFunction<Iterator<ParsedRecord>, Row> {

  private static final long serialVersionUID = 1L;
  private final TypedColumns cols;
  private final String source;
  private final RecordKey key;
  private final PageRepeats repeats;
  private final String table;
  private final String pagePrefix;
  private final String run;
  private final Timestamp loadedAt;
  private final CollectionAccumulator<Row> quarantine;

  ServingRows(ApiSource source, ApiEndpoint ep, TypedColumns cols, PageRepeats repeats, String pagePrefix, String run,
      Timestamp loadedAt, CollectionAccumulator<Row> quarantine) {
    this.source = source.name();
    this.cols = cols;
    this.key = ep.id();
    this.repeats = repeats;
    this.table = ep.table();
    this.pagePrefix = pagePrefix;
    this.run = run;
    this.loadedAt = loadedAt;
    this.quarantine = quarantine;
  }

  @Override
  public Iterator<Row> call(Iterator<ParsedRecord> records) {
    int width = cols.originals.size();
    int keyIndex = key.composite() ? width : cols.indexOf(key.fields().get(0));
    String keyColumn = key.column(cols);
    int lineageAt = key.composite() ? width + 1 : width;
    List<Row> out = new ArrayList<>();
    while (records.hasNext()) {
      ParsedRecord r = records.next();
      int page = r.page();
      int index = r.index();
      Map<String, String> fields = r.fields().toMap();
      List<TypedColumns.Failure> failures = new ArrayList<>(0);
      Object[] v = cols.convert(fields, lineageAt - width + ServingMerge.LINEAGE.size() + 1, failures);
      String id = key.of(fields);
      if (id == null) {
        failures.add(new TypedColumns.Failure(keyColumn, null, key.missingReason(fields)));
      } else if (repeats.contains(r.position())) {
        failures.add(new TypedColumns.Failure(keyColumn, id, repeats.reason(key, id, r.position())));
      }
      if (key.composite()) {
        v[keyIndex] = id;
      }
      String pageFile = pagePrefix + String.format("page-%05d.json", page);
      for (TypedColumns.Failure f : failures) {
        quarantine.add(RowFactory.create(table, pageFile, (long) index, f.column(), f.value(), f.reason(), run, loadedAt));
      }
      if (!failures.isEmpty() && v[keyIndex] == null) {
        continue; // without a usable id it cannot even count as seen
      }
      Object[] lineage = {source, run, r.url(), page, r.fetchedAt(), r.hash(), loadedAt,
          null, failures.isEmpty()};
      System.arraycopy(lineage, 0, v, lineageAt, lineage.length);
      out.add(RowFactory.create(v));
    }
    return out.iterator();
  }
}
