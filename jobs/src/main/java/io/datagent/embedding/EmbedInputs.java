package io.datagent.embedding;

import io.datagent.spark.TableRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Everything a run's documents are made from, as one fingerprint, and the record of which fingerprint the search
 * tables were last written from: how a re-run on unchanged inputs knows, from the Delta logs alone, that there is
 * nothing to read, render or embed.
 *
 * <p>The fingerprint covers the model and chunk settings, the data version of every serving table (the version of its
 * newest commit other than OPTIMIZE or VACUUM, so nightly maintenance does not count as a change; comments and schema
 * changes do), the uploaded text files (path, size, modification time) and the bytecode of the classes that render
 * documents (a release that renders differently re-reads everything). It is recorded as the Delta commit's
 * {@code userMetadata} of every commit a run makes to {@code documents} and {@code document_embeddings} (atomically
 * with the data), and trusted only when the newest commit of both tables other than OPTIMIZE/VACUUM carries it: a
 * hand edit, a restore or a failed run in between sends the next run down the full path, which compares content
 * hashes and is always right.
 *
 * <p>NOTE: a run whose inputs moved without changing any document (a table re-written with the same rows) commits
 * nothing, so the record stays behind and later runs take the full path until a document changes.
 */
final class EmbedInputs {

  /** Commits that rewrite files without changing what a table holds. */
  static final Set<String> MAINTENANCE = Set.of("OPTIMIZE", "VACUUM START", "VACUUM END");
  /** Delta's session setting whose value becomes the {@code userMetadata} of the commits made while it is set. */
  static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";
  /** How far back a table's history is read to find its newest non-maintenance commit. */
  static final int HISTORY = 25;
  /** The classes whose output is a document's text: their bytecode is part of the fingerprint. */
  static final List<Class<?>> RENDERING = List.of(DocumentSet.class, RowDocuments.class, RowRenderer.class,
      TableCardRenderer.class, ServingTables.class, ColumnLabel.class, TableTitle.class, ValueText.class, Texts.class,
      PassageSplitter.class, UploadPassages.class, ContentHash.class);

  private static final Pattern RECORD = Pattern.compile(
      "datagent-embed inputs=([0-9a-f]{64}) table_cards=(\\d+) rows=(\\d+) passages=(\\d+)");

  /** What the search tables were written from, and how many documents of each kind they hold. */
  record Recorded(String inputs, long tableCards, long rows, long passages) {

    String userMetadata() {
      return "datagent-embed inputs=" + inputs + " table_cards=" + tableCards + " rows=" + rows + " passages=" + passages;
    }

    static Optional<Recorded> parse(String userMetadata) {
      if (userMetadata == null) {
        return Optional.empty();
      }
      Matcher m = RECORD.matcher(userMetadata);
      return m.matches()
          ? Optional.of(new Recorded(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))))
          : Optional.empty();
    }
  }

  private EmbedInputs() {}

  /** The fingerprint of this run's inputs, computed before anything is read (a change during the run is seen next time). */
  static String fingerprint(SparkSession spark, EmbedConfig cfg, List<TableRef> tables) {
    MessageDigest md = sha256();
    EmbedderSpec spec = cfg.embedder();
    update(md, "model", spec.modelId(), String.valueOf(spec.dimension()), "max-chars", String.valueOf(cfg.maxChars()));
    for (TableRef t : tables) {
      update(md, "table", t.toString(), String.valueOf(dataVersion(spark, t)));
    }
    if (cfg.uploads() != null && Files.isDirectory(Path.of(cfg.uploads()))) {
      Path uploads = Path.of(cfg.uploads());
      for (Path p : UploadPassages.files(uploads)) {
        try {
          update(md, "upload", uploads.relativize(p).toString(), String.valueOf(Files.size(p)),
              String.valueOf(Files.getLastModifiedTime(p).toMillis()));
        } catch (IOException e) {
          throw new UncheckedIOException("no se pudo leer " + p, e);
        }
      }
    }
    for (Class<?> c : RENDERING) {
      update(md, "class", c.getName());
      md.update(bytecode(c));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * The record on the newest commit of {@code table} other than OPTIMIZE/VACUUM, if that commit was made by EmbedJob;
   * empty when it was not (or the table has only maintenance commits in its recent history).
   */
  static Optional<Recorded> recorded(SparkSession spark, TableRef table) {
    return newestDataCommit(history(spark, table)).flatMap(r -> Recorded.parse(r.isNullAt(2) ? null : r.getString(2)));
  }

  /** The version of the newest commit of {@code table} that is not OPTIMIZE or VACUUM (else the newest commit's). */
  static long dataVersion(SparkSession spark, TableRef table) {
    List<Row> history = history(spark, table);
    return newestDataCommit(history).or(() -> history.stream().findFirst()).map(r -> r.getLong(0)).orElse(-1L);
  }

  private static Optional<Row> newestDataCommit(List<Row> history) {
    return history.stream().filter(r -> !MAINTENANCE.contains(r.getString(1))).findFirst();
  }

  /** Runs {@code body} with {@code record} as the userMetadata of every Delta commit it makes in this session. */
  static <T> T recording(SparkSession spark, Recorded record, Supplier<T> body) {
    scala.Option<String> previous = spark.conf().getOption(USER_METADATA);
    spark.conf().set(USER_METADATA, record.userMetadata());
    try {
      return body.get();
    } finally {
      if (previous.isDefined()) {
        spark.conf().set(USER_METADATA, previous.get());
      } else {
        spark.conf().unset(USER_METADATA);
      }
    }
  }

  private static List<Row> history(SparkSession spark, TableRef table) {
    return spark.sql("DESCRIBE HISTORY " + table.sql() + " LIMIT " + HISTORY).select("version", "operation", "userMetadata")
        .collectAsList();
  }

  private static byte[] bytecode(Class<?> c) {
    String resource = c.getName().replace('.', '/') + ".class";
    try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no bytecode for " + c.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void update(MessageDigest md, String... parts) {
    for (String p : parts) {
      md.update(p.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    md.update((byte) '\n');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
