package io.datagent.ingestion;

import io.datagent.spark.SharedSpark;
import io.datagent.spark.TableRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A test's own uploads folder and pair of schemas ({@code <prefix>_raw}, {@code <prefix>_serving}) on the shared
 * SparkSession, with helpers to write input files, run the real IngestJob and read what changed.
 */
final class IngestFixture {

  final String prefix;
  final Path uploads;
  final SparkSession spark;

  IngestFixture(String prefix) {
    this.prefix = prefix;
    this.spark = SharedSpark.get();
    SharedSpark.schemas(prefix);
    try {
      this.uploads = Files.createTempDirectory("uploads-" + prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String raw() {
    return prefix + "_raw";
  }

  String serving() {
    return prefix + "_serving";
  }

  Path write(String relative, String content, Charset charset) {
    return write(relative, content.getBytes(charset));
  }

  Path write(String relative, byte[] bytes) {
    try {
      Path p = uploads.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path copy(Path from, String relative) {
    try {
      return write(relative, Files.readAllBytes(from));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs IngestJob on the given files of the uploads folder (all of them when none given). */
  IngestReport ingest(String... files) {
    String[] args = files.length == 0
        ? new String[] {"--source", uploads.toString(), "--raw-schema", raw(), "--serving-schema", serving()}
        : new String[] {"--source", uploads.toString(), "--raw-schema", raw(), "--serving-schema", serving(),
            "--files", String.join(",", files)};
    return IngestJob.run(spark, IngestJob.config(args));
  }

  List<Row> sql(String query) {
    return spark.sql(query.replace("{raw}", raw()).replace("{serving}", serving())).collectAsList();
  }

  /** Every table of both schemas (except the log) with its Delta version and row count. */
  Map<String, String> snapshot() {
    Map<String, String> s = new TreeMap<>();
    for (String schema : List.of(raw(), serving())) {
      for (Row r : spark.sql("SHOW TABLES IN " + TableRef.quote(schema)).collectAsList()) {
        String t = schema + "." + r.getString(1);
        if (t.endsWith("._ingestion_log")) {
          continue;
        }
        long version = spark.sql("DESCRIBE HISTORY " + t + " LIMIT 1").first().getLong(0);
        long count = spark.table(t).count();
        s.put(t, "v" + version + "/" + count);
      }
    }
    return s;
  }

  long logRows() {
    String log = raw() + "._ingestion_log";
    return spark.catalog().tableExists(log) ? spark.table(log).count() : 0;
  }

  FileOutcome only(IngestReport report) {
    if (report.files().size() != 1) {
      throw new AssertionError("expected one file outcome, got " + report.files());
    }
    return report.files().get(0);
  }
}
