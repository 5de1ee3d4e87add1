package io.datagent.ingestion;

import io.datagent.ingestion.csv.CsvShardReader;
import io.datagent.ingestion.csv.CsvUnit;
import io.datagent.ingestion.semantic.SemanticPublisher;
import io.datagent.ingestion.sheet.SourceRow;
import io.datagent.spark.DeltaTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple3;

/**
 * One ingestion run: every file under the source, in one Spark application.
 *
 * <p>Steps: discover files; skip content already loaded (sha256 in the log); read each file's layout on the driver
 * (a bad file fails alone, with its reason); parse all text files in parallel tasks and the sheets from the driver into
 * one cached set of text rows; one pass profiles every column and counts problems; units that cannot load fail as a
 * whole; then per table one commit each for raw, serving and quarantine; finally one commit to the log.
 */
public final class Ingestion {

  /** Share of rows of the wrong width a file may have (they are quarantined); beyond it the file fails. */
  static final double RAGGED_TOLERANCE = 0.01;
  static final long ROWS_PER_OUTPUT_FILE = 500_000;
  static final long SHARD_BYTES = 24L * 1024 * 1024;

  private final SparkSession spark;
  private final IngestConfig cfg;
  private final Consumer<String> progress;

  public Ingestion(SparkSession spark, IngestConfig cfg, Consumer<String> progress) {
    this.spark = spark;
    this.cfg = cfg;
    this.progress = progress;
  }

  public IngestReport run() {
    long t0 = System.nanoTime();
    Instant runStart = Instant.now();
    String batch = cfg.batchId();
    List<SourceFile> files = SourceDiscovery.discover(Path.of(cfg.source()));
    if (!cfg.only().isEmpty()) {
      files = files.stream().filter(f -> cfg.only().contains(f.relative())).toList();
      if (files.size() < cfg.only().size()) {
        throw new SourceFormatException(String.join(", ", cfg.only()), 0, "no se encontraron todos los archivos pedidos en " + cfg.source());
      }
    }
    progress.accept("Ingesta " + batch + ": " + files.size() + " archivo(s) en " + cfg.source());
    IngestionLog log = new IngestionLog(spark, cfg.log());

    // Content hashes first: the log is then looked up for just these contents (data skipping on sha256).
    Map<SourceFile, Instant> fileStart = new HashMap<>();
    Map<SourceFile, String> hashes = new HashMap<>();
    Map<SourceFile, UncheckedIOException> unreadable = new HashMap<>();
    for (SourceFile f : files) {
      fileStart.put(f, Instant.now());
      try {
        hashes.put(f, Hashing.sha256(f.path()));
      } catch (UncheckedIOException e) {
        unreadable.put(f, e);
      }
    }
    Map<String, String> loaded = log.loaded(new java.util.TreeSet<>(hashes.values()));

    List<FileOutcome> outcomes = new ArrayList<>();
    List<SourceUnit> units = new ArrayList<>();
    Map<Integer, Instant> unitStart = new HashMap<>();
    for (SourceFile f : files) {
      Instant s = fileStart.get(f);
      String sha = hashes.get(f);
      if (sha == null) {
        UncheckedIOException e = unreadable.get(f);
        outcomes.add(failed(f, null, null, f.relative() + ": no se pudo leer el archivo (" + e.getCause().getMessage() + ")", s));
        continue;
      }
      String previous = loaded.get(sha + "|" + f.datasetOrStem());
      if (previous != null) {
        outcomes.add(new FileOutcome(f.relative(), sha, f.datasetOrStem(), null, 0, 0, 0, FileStatus.SKIPPED_DUPLICATE,
            previous, batch, s, Instant.now()));
        progress.accept("  = " + f.relative() + ": sin cambios (" + previous + ")");
        continue;
      }
      archive(f, sha);
      try {
        List<SourceUnit> read = UnitReader.read(f, sha, units.size());
        read.forEach(u -> unitStart.put(u.index(), s));
        units.addAll(read);
      } catch (SourceFormatException e) {
        outcomes.add(failed(f, sha, null, e.getMessage(), s));
        progress.accept("  ✗ " + e.getMessage());
      } catch (RuntimeException e) {
        outcomes.add(failed(f, sha, null, f.relative() + ": error inesperado al leer el archivo (" + e + ")", s));
        progress.accept("  ✗ " + f.relative() + ": " + e);
      }
    }
    if (!units.isEmpty()) {
      outcomes.addAll(loadUnits(units, unitStart, batch, runStart));
    }
    log.append(outcomes);
    return new IngestReport(batch, outcomes, (System.nanoTime() - t0) / 1_000_000);
  }

  private List<FileOutcome> loadUnits(List<SourceUnit> units, Map<Integer, Instant> unitStart, String batch, Instant runStart) {
    Map<String, List<SourceUnit>> byTable = new LinkedHashMap<>();
    units.forEach(u -> byTable.computeIfAbsent(u.table(), t -> new ArrayList<>()).add(u));
    Map<String, TablePlan> plans = new LinkedHashMap<>();
    HashMap<Integer, String[]> headers = new HashMap<>();
    HashMap<Integer, Boolean> sheets = new HashMap<>();
    for (Map.Entry<String, List<SourceUnit>> e : byTable.entrySet()) {
      TablePlan plan = new TablePlan(e.getKey(), e.getValue(),
          DeltaTables.schemaOrNull(spark, cfg.raw(e.getKey())), DeltaTables.schemaOrNull(spark, cfg.serving(e.getKey())));
      plans.put(e.getKey(), plan);
      for (SourceUnit u : e.getValue()) {
        headers.put(u.index(), plan.headersOf(u));
        sheets.put(u.index(), u.spreadsheet());
      }
    }

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int parallelism = cfg.parallelism() > 0 ? cfg.parallelism() : jsc.defaultParallelism();
    List<Tuple3<CsvUnit, Integer, Integer>> tasks = new ArrayList<>();
    List<ParsedRow> sheetRows = new ArrayList<>();
    for (TablePlan plan : plans.values()) {
      for (SourceUnit u : plan.units) {
        int[] map = plan.mappings.get(u.index());
        if (u.csv() != null) {
          int shards = (int) Math.max(1, Math.min(parallelism, (u.file().size() + SHARD_BYTES - 1) / SHARD_BYTES));
          CsvUnit cu = new CsvUnit(u.index(), u.file().path().toString(), u.csv(), map, plan.width(),
              CsvShardReader.split(u.file().path(), u.csv(), shards));
          for (int s = 0; s < shards; s++) {
            tasks.add(new Tuple3<>(cu, s, shards));
          }
        } else {
          for (SourceRow r : u.sheetRows()) {
            String[] cells = new String[plan.width()];
            for (int i = 0; i < map.length; i++) {
              cells[map[i]] = i < r.cells().size() && r.cells().get(i) != null ? r.cells().get(i) : "";
            }
            sheetRows.add(new ParsedRow(u.index(), r.number(), cells, null, null));
          }
        }
      }
    }
    List<List<Tuple3<CsvUnit, Integer, Integer>>> bins = pack(tasks, parallelism);
    progress.accept("  leyendo " + units.size() + " unidad(es) en " + Math.max(1, bins.size()) + " tarea(s)...");
    JavaRDD<ParsedRow> csvRows = jsc.parallelize(bins, Math.max(1, bins.size())).flatMap(bin -> {
      List<ParsedRow> out = new ArrayList<>();
      for (Tuple3<CsvUnit, Integer, Integer> t : bin) {
        CsvShardReader.read(t._1(), t._2(), t._3(), out::add);
      }
      return out.iterator();
    });
    JavaRDD<ParsedRow> parsed = csvRows
        .union(jsc.parallelize(sheetRows, Math.max(1, Math.min(parallelism, sheetRows.size() / 50_000 + 1))))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<Integer, UnitStats> stats = profile(parsed, headers, sheets);
      List<FileOutcome> outcomes = new ArrayList<>();
      Timestamp ingestedAt = Timestamp.from(runStart);
      TableLoader loader = new TableLoader(spark, cfg, batch, ingestedAt);
      for (TablePlan plan : plans.values()) {
        List<SourceUnit> good = new ArrayList<>();
        for (SourceUnit u : plan.units) {
          String problem = unitProblem(u, stats.get(u.index()));
          if (problem != null) {
            UnitStats s = stats.get(u.index());
            outcomes.add(new FileOutcome(u.displayName(), u.sha256(), u.file().datasetOrStem(), plan.table,
                s == null ? 0 : s.rowsRead, 0, 0, FileStatus.FAILED, problem, batch, unitStart.get(u.index()), Instant.now()));
            progress.accept("  ✗ " + problem);
          } else {
            good.add(u);
          }
        }
        if (good.isEmpty()) {
          continue;
        }
        long rows = good.stream().mapToLong(u -> stats.get(u.index()).rowsRead).sum();
        int partitions = (int) Math.max(1, Math.min(parallelism, (rows + ROWS_PER_OUTPUT_FILE - 1) / ROWS_PER_OUTPUT_FILE));
        progress.accept("  escribiendo " + cfg.raw(plan.table) + " y " + cfg.serving(plan.table) + " (" + rows + " filas)...");
        try {
          TableLoader.Result result = loader.load(plan, parsed, good, stats, partitions);
          String semanticNote = semanticModel(plan.table);
          for (SourceUnit u : good) {
            UnitStats s = stats.get(u.index());
            long bad = result.quarantinedByUnit().getOrDefault(u.index(), 0L) + s.ragged;
            FileStatus status = bad == 0 && u.warnings().isEmpty() ? FileStatus.LOADED : FileStatus.PARTIAL;
            String msg = (bad == 0
                ? "cargadas " + (s.rowsRead) + " filas en " + plan.table
                : "cargadas " + (s.rowsRead - bad) + " filas en " + plan.table + "; " + bad
                    + " fila(s) en cuarentena (raw._quarantine) por valores que no encajan en el tipo de su columna"
                    + (s.ragged > 0 ? " o por tener otro número de columnas (primera: fila " + s.firstRaggedRow + ")" : ""))
                + warnings(u) + semanticNote;
            outcomes.add(new FileOutcome(u.displayName(), u.sha256(), u.file().datasetOrStem(), plan.table, s.rowsRead,
                s.rowsRead - bad, bad, status, msg, batch, unitStart.get(u.index()), Instant.now()));
            progress.accept("  ✓ " + u.displayName() + " → " + plan.table + ": " + msg);
          }
        } catch (Exception e) { // includes Spark's AnalysisException (checked, undeclared)
          String msg = "no se pudo escribir la tabla " + plan.table + ": " + rootMessage(e);
          for (SourceUnit u : good) {
            outcomes.add(new FileOutcome(u.displayName(), u.sha256(), u.file().datasetOrStem(), plan.table,
                stats.get(u.index()).rowsRead, 0, 0, FileStatus.FAILED, msg, batch, unitStart.get(u.index()), Instant.now()));
          }
          progress.accept("  ✗ " + msg);
        }
      }
      return outcomes;
    } finally {
      parsed.unpersist(false);
    }
  }

  /**
   * Groups parse work into tasks: each shard of a large file is its own task; small files share tasks (one Spark task
   * per small file would cost more in scheduling than in parsing), spread over at most {@code parallelism} tasks.
   */
  static List<List<Tuple3<CsvUnit, Integer, Integer>>> pack(List<Tuple3<CsvUnit, Integer, Integer>> tasks, int parallelism) {
    List<List<Tuple3<CsvUnit, Integer, Integer>>> bins = new ArrayList<>();
    List<Tuple3<CsvUnit, Integer, Integer>> small = new ArrayList<>();
    for (Tuple3<CsvUnit, Integer, Integer> t : tasks) {
      if (t._3() > 1) {
        bins.add(List.of(t));
      } else {
        small.add(t);
      }
    }
    int smallBins = Math.min(small.size(), Math.max(1, parallelism));
    List<List<Tuple3<CsvUnit, Integer, Integer>>> packed = new ArrayList<>();
    for (int i = 0; i < smallBins; i++) {
      packed.add(new ArrayList<>());
    }
    for (int i = 0; i < small.size(); i++) {
      packed.get(i % smallBins).add(small.get(i));
    }
    bins.addAll(packed);
    return bins;
  }

  private static Map<Integer, UnitStats> profile(JavaRDD<ParsedRow> parsed, HashMap<Integer, String[]> headers,
      HashMap<Integer, Boolean> sheets) {
    List<HashMap<Integer, UnitStats>> parts = parsed.mapPartitions(it -> {
      HashMap<Integer, UnitStats> m = new HashMap<>();
      while (it.hasNext()) {
        ParsedRow r = it.next();
        m.computeIfAbsent(r.unit(), u -> new UnitStats(headers.get(u), sheets.get(u))).add(r);
      }
      return List.of(m).iterator();
    }).collect();
    Map<Integer, UnitStats> merged = new HashMap<>();
    for (HashMap<Integer, UnitStats> p : parts) {
      p.forEach((k, v) -> merged.merge(k, v, UnitStats::merge));
    }
    return merged;
  }

  /**
   * Derives and keeps the table's semantic model (see {@link SemanticPublisher}); returns its warnings as a message
   * suffix ({@code "; modelo semántico: …"}), "" when none. Never fails the load.
   */
  private String semanticModel(String table) {
    if (!cfg.semantic().enabled()) {
      return "";
    }
    long t0 = System.nanoTime();
    SemanticPublisher.Published p = new SemanticPublisher(spark, cfg.semantic())
        .publish(cfg.serving(table), cfg.servingSchema() + "." + table);
    if (p.file() != null) {
      progress.accept("  modelo semántico de " + table + ": " + p.model().measures().size() + " medida(s), "
          + p.model().dimensions().size() + " dimensión(es) → " + p.file() + " (" + (System.nanoTime() - t0) / 1_000_000
          + " ms)");
    }
    p.warnings().forEach(w -> progress.accept("  ! " + w));
    return p.warnings().isEmpty() ? "" : "; modelo semántico: " + String.join(" | ", p.warnings());
  }

  /** The unit's warnings as a message suffix: {@code "; avisos (n): a | b"}, at most 20 of them; "" when none. */
  static String warnings(SourceUnit u) {
    List<String> w = u.warnings();
    if (w.isEmpty()) {
      return "";
    }
    int shown = Math.min(20, w.size());
    return "; avisos (" + w.size() + "): " + String.join(" | ", w.subList(0, shown))
        + (shown < w.size() ? " | y " + (w.size() - shown) + " más" : "");
  }

  /** Why a unit cannot be loaded at all, or null. */
  static String unitProblem(SourceUnit u, UnitStats s) {
    String name = u.displayName();
    if (s != null && s.fatal != null) {
      return name + ", fila " + s.fatalRow + ": " + s.fatal;
    }
    if (s == null || s.rowsRead == 0) {
      return name + ": solo tiene la cabecera; no hay filas de datos debajo de ella";
    }
    long allowed = Math.max(1, (long) Math.floor(s.rowsRead * RAGGED_TOLERANCE));
    if (s.ragged > allowed) {
      return name + ": " + s.ragged + " de " + s.rowsRead + " filas no tienen el número de columnas de la cabecera"
          + " (la primera, fila " + s.firstRaggedRow + ": " + s.firstRaggedProblem
          + "); revise el delimitador y las comillas. Se admiten como mucho " + allowed;
    }
    return null;
  }

  private FileOutcome failed(SourceFile f, String sha, String table, String message, Instant start) {
    return new FileOutcome(f.relative(), sha, f.datasetOrStem(), table, 0, 0, 0, FileStatus.FAILED, message, cfg.batchId(),
        start, Instant.now());
  }

  /** Keeps a content-addressed copy of the file under the archive folder (idempotent). */
  private void archive(SourceFile f, String sha) {
    if (cfg.archive() == null || cfg.archive().isBlank()) {
      return;
    }
    Path target = Path.of(cfg.archive(), sha.substring(0, 2), sha, f.name());
    try {
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(f.name() + ".tmp");
        Files.copy(f.path(), tmp, StandardCopyOption.REPLACE_EXISTING);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING); // Volumes (FUSE) may not rename atomically
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("no se pudo archivar " + f.relative() + " en " + target, e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    return m.length() > 500 ? m.substring(0, 500) + "…" : m;
  }
}
