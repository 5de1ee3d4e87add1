package io.datagent.ingestion;

import io.datagent.ingestion.typing.ColumnProfile;
import io.datagent.ingestion.typing.ConversionException;
import io.datagent.ingestion.typing.ValueConverter;
import io.datagent.spark.BackgroundWrite;
import io.datagent.spark.DeltaTables;
import io.datagent.spark.Sql;
import io.datagent.spark.TableRef;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one table's share of a run: the raw text rows, the typed serving rows, and the quarantine, each as one
 * Delta commit that replaces exactly the rows of the files being (re)loaded.
 */
public final class TableLoader {

  public static final StructType QUARANTINE_SCHEMA = new StructType()
      .add("table", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("source_row", DataTypes.LongType, false)
      .add("column", DataTypes.StringType, true)
      .add("value", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, false)
      .add("batch_id", DataTypes.StringType, false)
      .add("quarantined_at", DataTypes.TimestampType, false);

  /** Rows of each unit that failed typing. */
  record Result(Map<Integer, Long> quarantinedByUnit, Map<String, String> types) {}

  private final SparkSession spark;
  private final IngestConfig cfg;
  private final String batchId;
  private final Timestamp ingestedAt;

  TableLoader(SparkSession spark, IngestConfig cfg, String batchId, Timestamp ingestedAt) {
    this.spark = spark;
    this.cfg = cfg;
    this.batchId = batchId;
    this.ingestedAt = ingestedAt;
  }

  Result load(TablePlan plan, JavaRDD<ParsedRow> parsed, List<SourceUnit> good, Map<Integer, UnitStats> stats, int partitions)
      throws Exception {
    TableRef rawRef = cfg.raw(plan.table);
    TableRef servingRef = cfg.serving(plan.table);
    Set<Integer> goodIds = new HashSet<>();
    HashMap<Integer, String> files = new HashMap<>();
    for (SourceUnit u : good) {
      goodIds.add(u.index());
      files.put(u.index(), u.file().relative());
    }
    List<String> fileList = good.stream().map(u -> u.file().relative()).distinct().toList();

    // Columns written: every existing column, plus new columns some loaded unit has.
    List<Integer> active = new ArrayList<>();
    Set<String> existing = new HashSet<>();
    if (plan.existingRaw != null) {
      existing.addAll(List.of(plan.existingRaw.fieldNames()));
    }
    if (plan.existingServing != null) {
      existing.addAll(List.of(plan.existingServing.fieldNames()));
    }
    for (int j = 0; j < plan.width(); j++) {
      int col = j;
      boolean present = good.stream().anyMatch(u -> contains(plan.mappings.get(u.index()), col));
      if (present || existing.contains(plan.columns.get(j))) {
        active.add(j);
      }
    }
    int[] cols = active.stream().mapToInt(Integer::intValue).toArray();
    JavaRDD<ParsedRow> rows = parsed.filter(r -> goodIds.contains(r.unit()) && !r.fatal() && r.problem() == null);

    // Types: the existing serving column's type wins; new columns take what the data says.
    ValueConverter[] converters = new ValueConverter[cols.length];
    StructField[] fields = new StructField[cols.length];
    Map<String, String> types = new LinkedHashMap<>();
    for (int k = 0; k < cols.length; k++) {
      String name = plan.columns.get(cols[k]);
      ColumnProfile profile = mergedProfile(good, stats, cols[k], plan.originalHeaders.get(name));
      DataType type;
      if (plan.existingServing != null && List.of(plan.existingServing.fieldNames()).contains(name)) {
        type = plan.existingServing.apply(name).dataType();
        converters[k] = ValueConverter.forExistingColumn(type.simpleString(), profile);
      } else {
        converters[k] = new ValueConverter(profile.decide());
        type = DataType.fromDDL(converters[k].type().sqlType());
      }
      types.put(name, type.simpleString());
      fields[k] = DeltaTables.withComment(new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty()),
          plan.descriptions.getOrDefault(name, plan.originalHeaders.get(name)),
          Map.of("original_header", plan.originalHeaders.getOrDefault(name, name)));
    }
    StructType servingSchema = lineage(new StructType(fields));
    String[] names = active.stream().map(plan.columns::get).toArray(String[]::new);
    String batch = batchId;
    Timestamp at = ingestedAt;
    // One pass types the rows for the serving table and counts, per unit, the rows that fail; only when some fail
    // (or there are ragged rows) is the typing recomputed for the quarantine.
    BadRowCounts badCounts = new BadRowCounts();
    spark.sparkContext().register(badCounts);
    JavaRDD<Row> ok = rows.mapPartitionsWithIndex(
        (partition, it) -> new TypedRows(partition, it, cols, converters, files, batch, at, badCounts), false);
    // The raw and serving writes are independent Spark jobs over the same cached rows: they run side by side, so each
    // one's driver-side phases (planning, Delta snapshot and commit) overlap the other's tasks.
    Future<Void> rawWrite = BackgroundWrite.start("ingest-raw-" + plan.table, () -> {
      writeRaw(plan, rawRef, rows, cols, files, fileList, partitions);
      return null;
    });
    boolean servingWritten = false;
    try {
      write(spark.createDataFrame(ok, servingSchema).coalesce(partitions), servingRef, fileList,
          plan.existingServing != null, plan.tableComment());
      if (plan.existingServing != null) { // a table just created already has these comments
        DeltaTables.syncComments(spark, servingRef, plan.descriptions, plan.tableComment(), hasSourceComment(plan));
      }
      servingWritten = true;
    } finally {
      BackgroundWrite.await(rawWrite, servingWritten);
    }

    Map<Integer, Long> badByUnit = new HashMap<>(badCounts.value());
    badByUnit.values().removeIf(n -> n == 0);
    long ragged = good.stream().mapToLong(u -> stats.containsKey(u.index()) ? stats.get(u.index()).ragged : 0).sum();
    long expected = badByUnit.values().stream().mapToLong(Long::longValue).sum() + ragged;
    String table = plan.table;
    JavaRDD<Row> quarantine = rows.map(r -> convert(r, cols, names, converters)).filter(c -> !c.ok())
        .flatMap(c -> c.failures().stream()
            .map(f -> RowFactory.create(table, files.get(c.unit()), c.row(), f.column(), f.value(), f.reason(), batch, at))
            .iterator())
        .union(parsed.filter(r -> goodIds.contains(r.unit()) && !r.fatal() && r.problem() != null)
            .map(r -> RowFactory.create(table, files.get(r.unit()), r.row(), null, r.rawLine(), r.problem(), batch, at)));
    writeQuarantine(table, fileList, quarantine, expected);
    return new Result(badByUnit, types);
  }

  /** The serving rows of one partition: typed, with lineage; rows that fail typing are only counted. */
  private static final class TypedRows implements java.util.Iterator<Row> {
    private final int partition;
    private final java.util.Iterator<ParsedRow> in;
    private final int[] cols;
    private final ValueConverter[] converters;
    private final Map<Integer, String> files;
    private final String batch;
    private final Timestamp at;
    private final BadRowCounts counts;
    private final HashMap<Integer, Long> bad = new HashMap<>();
    private Row next;
    private boolean reported;

    TypedRows(int partition, java.util.Iterator<ParsedRow> in, int[] cols, ValueConverter[] converters,
        Map<Integer, String> files, String batch, Timestamp at, BadRowCounts counts) {
      this.partition = partition;
      this.in = in;
      this.cols = cols;
      this.converters = converters;
      this.files = files;
      this.batch = batch;
      this.at = at;
      this.counts = counts;
    }

    @Override
    public boolean hasNext() {
      while (next == null && in.hasNext()) {
        ParsedRow r = in.next();
        Object[] v = typed(r, cols, converters);
        if (v != null) {
          next = withLineage(v, files.get(r.unit()), r.row(), batch, at);
        } else {
          bad.merge(r.unit(), 1L, Long::sum);
        }
      }
      if (next == null && !reported) {
        reported = true;
        counts.add(new scala.Tuple2<>(partition, bad));
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }
  }

  /** The typed values of a row with room for the lineage columns, or null when a cell fails its type. */
  static Object[] typed(ParsedRow r, int[] cols, ValueConverter[] converters) {
    Object[] v = new Object[cols.length + 4];
    String[] cells = r.cells();
    for (int k = 0; k < cols.length; k++) {
      try {
        Object o = converters[k].convert(cells[cols[k]]);
        v[k] = o instanceof LocalDate d ? java.sql.Date.valueOf(d) : o;
      } catch (ConversionException e) {
        return null;
      }
    }
    return v;
  }

  private void writeRaw(TablePlan plan, TableRef rawRef, JavaRDD<ParsedRow> rows, int[] cols, HashMap<Integer, String> files,
      List<String> fileList, int partitions) throws Exception {
    StructField[] fields = new StructField[cols.length];
    for (int k = 0; k < cols.length; k++) {
      String name = plan.columns.get(cols[k]);
      String original = plan.originalHeaders.getOrDefault(name, name);
      fields[k] = DeltaTables.withComment(DataTypes.createStructField(name, DataTypes.StringType, true), original,
          Map.of("original_header", original));
    }
    StructType schema = lineage(new StructType(fields));
    String batch = batchId;
    Timestamp at = ingestedAt;
    JavaRDD<Row> raw = rows.map(r -> {
      Object[] v = new Object[cols.length + 4];
      String[] cells = r.cells();
      for (int k = 0; k < cols.length; k++) {
        v[k] = cells[cols[k]];
      }
      return withLineage(v, files.get(r.unit()), r.row(), batch, at);
    });
    write(spark.createDataFrame(raw, schema).coalesce(partitions), rawRef, fileList, plan.existingRaw != null,
        plan.tableComment());
    if (plan.existingRaw != null) { // a table just created already has these comments
      Map<String, String> comments = new LinkedHashMap<>(plan.originalHeaders);
      DeltaTables.syncComments(spark, rawRef, comments, plan.tableComment(), hasSourceComment(plan));
    }
  }

  /** Replaces the rows of {@code fileList}; a new table is created with its comment in the same commit. */
  private static void write(Dataset<Row> df, TableRef ref, List<String> fileList, boolean exists, String tableComment)
      throws Exception {
    if (exists) {
      DeltaTables.replaceWhereIn(df, ref, "_source_file", fileList, true);
    } else {
      DeltaTables.create(df, ref, tableComment);
    }
  }

  private void writeQuarantine(String table, List<String> fileList, JavaRDD<Row> quarantine, long expected) {
    TableRef ref = cfg.quarantine();
    boolean exists = DeltaTables.exists(spark, ref);
    String predicate = "`table` = " + Sql.literal(table) + " AND " + DeltaTables.inPredicate("source_file", fileList);
    if (expected == 0 && (!exists || spark.table(ref.sql()).where(predicate).isEmpty())) {
      return;
    }
    DeltaTables.replaceWhere(spark.createDataFrame(quarantine, QUARANTINE_SCHEMA).coalesce(1), ref, predicate, exists);
  }

  static Converted convert(ParsedRow r, int[] cols, String[] names, ValueConverter[] converters) {
    Object[] v = new Object[cols.length];
    List<Converted.Failure> failures = List.of();
    String[] cells = r.cells();
    for (int k = 0; k < cols.length; k++) {
      String cell = cells[cols[k]];
      try {
        Object o = converters[k].convert(cell);
        v[k] = o instanceof LocalDate d ? java.sql.Date.valueOf(d) : o;
      } catch (ConversionException e) {
        if (failures.isEmpty()) {
          failures = new ArrayList<>(2);
        }
        failures.add(new Converted.Failure(names[k], cell, e.getMessage()));
      }
    }
    return new Converted(r.unit(), r.row(), v, failures);
  }

  /** {@code values} already has the 4 lineage slots at its end; they are filled in place. */
  private static Row withLineage(Object[] values, String file, long row, String batch, Timestamp at) {
    int n = values.length - 4;
    values[n] = file;
    values[n + 1] = row;
    values[n + 2] = batch;
    values[n + 3] = at;
    return RowFactory.create(values);
  }

  static StructType lineage(StructType data) {
    return data
        .add("_source_file", DataTypes.StringType, false)
        .add("_source_row", DataTypes.LongType, false)
        .add("_batch_id", DataTypes.StringType, false)
        .add("_ingested_at", DataTypes.TimestampType, false);
  }

  private static ColumnProfile mergedProfile(List<SourceUnit> good, Map<Integer, UnitStats> stats, int col, String header) {
    ColumnProfile merged = null;
    for (SourceUnit u : good) {
      UnitStats s = stats.get(u.index());
      if (s != null && s.profiles[col] != null) {
        merged = merged == null ? s.profiles[col] : merged.merge(s.profiles[col]);
      }
    }
    return merged != null ? merged : new ColumnProfile(header == null ? "" : header, false);
  }

  private static boolean hasSourceComment(TablePlan plan) {
    return plan.units.stream().anyMatch(u -> u.tableComment() != null);
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
