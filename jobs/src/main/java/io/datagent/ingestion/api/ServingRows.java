package io.datagent.ingestion.api;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
  /** Where the key's value is in a row (a composite key's {@code _id} right after the data columns), where the lineage starts. */
  private final int keyIndex;
  private final int lineageAt;
  /** Slots of a row after the data columns: the composite key's, the lineage's and {@code _ok}. */
  private final int extraSlots;

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
    int width = cols.originals.size();
    this.keyIndex = key.composite() ? width : cols.indexOf(key.fields().get(0));
    this.lineageAt = key.composite() ? width + 1 : width;
    this.extraSlots = lineageAt - width + ServingMerge.LINEAGE.size() + 1;
  }

  /** The typed rows, one record at a time as the writer asks for them (a partition is never held whole). */
  @Override
  public Iterator<Row> call(Iterator<ParsedRecord> records) {
    return new Iterator<>() {
      private Row next = advance();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Row next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = advance();
        return r;
      }

      private Row advance() {
        while (records.hasNext()) {
          Row row = typed(records.next());
          if (row != null) {
            return row;
          }
        }
        return null;
      }
    };
  }

  /** One record's serving row; null when it has no usable id (its failures are in quarantine). */
  private Row typed(ParsedRecord r) {
    Map<String, String> fields = r.fields().toMap();
    List<TypedColumns.Failure> failures = new ArrayList<>(0);
    Object[] v = cols.convert(fields, extraSlots, failures);
    String id = key.of(fields);
    if (id == null) {
      failures.add(new TypedColumns.Failure(key.column(cols), null, key.missingReason(fields)));
    } else if (repeats.contains(r.position())) {
      failures.add(new TypedColumns.Failure(key.column(cols), id, repeats.reason(key, id, r.position())));
    }
    if (key.composite()) {
      v[keyIndex] = id;
    }
    if (!failures.isEmpty()) {
      String pageFile = pagePrefix + String.format("page-%05d.json", r.page());
      for (TypedColumns.Failure f : failures) {
        quarantine.add(RowFactory.create(table, pageFile, (long) r.index(), f.column(), f.value(), f.reason(), run, loadedAt));
      }
      if (v[keyIndex] == null) {
        return null; // without a usable id it cannot even count as seen
      }
    }
    Object[] lineage = {source, run, r.url(), r.page(), r.fetchedAt(), r.hash(), loadedAt, null, failures.isEmpty()};
    System.arraycopy(lineage, 0, v, lineageAt, lineage.length);
    return RowFactory.create(v);
  }
}
