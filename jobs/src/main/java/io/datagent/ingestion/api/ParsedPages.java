package io.datagent.ingestion.api;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The records of one endpoint in one run, parsed once in Spark tasks (one slice of pages per task) and kept cached
 * for the raw and serving writes; the driver gets only their {@link RecordSummary}. A record whose id appears again
 * on a later page (the data changed between two requests, e.g. offset paging over a list that grew) is kept once,
 * in its latest version, and counted in {@link #repeated}; a record whose id appears earlier on its own page stays
 * (the raw table keeps it) and goes to quarantine when typed ({@link PageRepeats}). Call {@link #release()} when done.
 */
final class ParsedPages {

  /** The records to load: every parsed record but the superseded versions of repeated ids. */
  final JavaRDD<ParsedRecord> records;
  final RecordSummary summary;
  final int repeated;
  final int pages;
  final int partitions;
  private final JavaRDD<ParsedRecord> cached;

  private ParsedPages(JavaRDD<ParsedRecord> cached, JavaRDD<ParsedRecord> records, RecordSummary summary, int repeated,
      int pages, int partitions) {
    this.cached = cached;
    this.records = records;
    this.summary = summary;
    this.repeated = repeated;
    this.pages = pages;
    this.partitions = partitions;
  }

  static ParsedPages parse(SparkSession spark, ApiSource source, ApiEndpoint ep, SavedPages saved) {
    PageParser parser = new PageParser(source, ep);
    RecordKey key = ep.id();
    String incremental = source.incremental().enabled() ? source.incremental().field() : null;
    int slices = Math.max(1, Math.min(saved.pages.size(), spark.sparkContext().defaultParallelism()));
    JavaRDD<ParsedRecord> cached = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(saved.pages, slices)
        .flatMap(p -> parser.parse(p).iterator())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      RecordSummary summary = merged(cached.mapPartitions(it -> {
        RecordSummary s = new RecordSummary(key, incremental);
        it.forEachRemaining(s::add);
        return List.of(s.finish()).iterator();
      }).collect());
      Set<Long> superseded = summary.superseded();
      JavaRDD<ParsedRecord> records = cached;
      if (!superseded.isEmpty()) {
        records = cached.filter(r -> !superseded.contains(r.position()));
        // the types are decided on the versions loaded, not on the ones they replace
        summary.profiles.clear();
        summary.mergeProfiles(merged(records.mapPartitions((Iterator<ParsedRecord> it) -> {
          RecordSummary s = new RecordSummary(key, null);
          it.forEachRemaining(s::profile);
          return List.of(s).iterator();
        }).collect()).profiles);
      }
      return new ParsedPages(cached, records, summary, superseded.size(), saved.pages.size(), slices);
    } catch (RuntimeException e) {
      cached.unpersist(false);
      throw unwrapped(e);
    }
  }

  /** How many records are loaded. */
  long kept() {
    return summary.count - repeated;
  }

  void release() {
    cached.unpersist(false);
  }

  private static RecordSummary merged(List<RecordSummary> parts) {
    RecordSummary all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all.merge(parts.get(i));
    }
    return all;
  }

  /** A page that could not be read fails a task; its own message (source, page, URL) is the one worth reporting. */
  private static RuntimeException unwrapped(RuntimeException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof UncheckedIOException u) {
        return u;
      }
    }
    return e;
  }
}
