package io.datagent.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The local stand-in for a Databricks workspace: Spark in local mode with Delta tables on disk.
 *
 * <p>Layout under the workspace folder: {@code tables/<schema>/<table>} (Delta), {@code volumes/uploads/} (the local
 * Volume). Spark's in-memory catalog forgets tables between processes, so {@link #open} registers every Delta
 * directory it finds as an external table of its schema; tables written later go to the same layout through
 * {@link #locationFor}.
 */
public final class LocalSpark {

  public static final List<String> SCHEMAS = List.of("raw", "serving");
  static final String WORKSPACE_CONF = "spark.datagent.workspace";

  private LocalSpark() {}

  /**
   * Starts (or reuses) a local session configured for Delta and registers the workspace's tables.
   *
   * <p>NOTE: one JVM has one SparkContext. A session already open on <em>another</em> workspace is stopped first
   * (its in-memory catalog points at the other folder's tables); nothing on disk is touched.
   */
  public static synchronized SparkSession open(Path workspace) {
    Path ws = workspace.toAbsolutePath().normalize();
    scala.Option<SparkSession> current = SparkSession.getDefaultSession();
    if (current.isDefined() && !ws.toString().equals(current.get().conf().get(WORKSPACE_CONF, ""))) {
      current.get().stop();
      SparkSession.clearDefaultSession();
      SparkSession.clearActiveSession();
    }
    SparkSession spark = SparkSession.builder()
        .config(WORKSPACE_CONF, ws.toString())
        .appName("datagent-local")
        .master(System.getProperty("datagent.spark.master", "local[*]"))
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.warehouse.dir", ws.resolve("tables").toString())
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        // VACUUM spreads its file listing over this many tasks (default 10,000: minutes of empty tasks locally)
        .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "8")
        .config("spark.databricks.delta.properties.defaults.enableChangeDataFeed", "false")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    // The session is also the calling thread's active one: Delta resolves its catalog through SparkSession.active,
    // and a thread without an active session (a pool thread of the App) would otherwise get the plain V2 catalog.
    SparkSession.setActiveSession(spark);
    SparkSession.setDefaultSession(spark);
    attach(spark, ws);
    return spark;
  }

  /**
   * Creates the schemas and registers existing Delta tables of a workspace in the session catalog.
   *
   * <p>A table folder without a committed version (a process killed during the table's first write leaves
   * {@code _delta_log/} with no commit, or data files with no log at all) is never registered: registering it makes
   * every later command fail with {@code DELTA_CREATE_EXTERNAL_TABLE_WITHOUT_TXN_LOG}, and writing into it fails on
   * the non-empty location. Such a folder is moved aside to {@code tables/_quarantine/<schema>.<table>.<time>/}
   * (kept, never deleted) when no other live process may still be writing it, so the next ingestion re-creates the
   * table from the kept source file. Hidden folders (staging, temporary) are never registered.
   */
  public static void attach(SparkSession spark, Path workspace) {
    SparkSession.setActiveSession(spark);
    TableQuarantine.hold(workspace);
    for (String schema : SCHEMAS) {
      Path dir = workspace.resolve("tables").resolve(schema);
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      spark.sql("CREATE DATABASE IF NOT EXISTS " + TableRef.quote(schema) + " LOCATION " + Sql.literal(dir.toUri().toString()));
      List<Path> folders;
      try (Stream<Path> tables = Files.list(dir)) {
        folders = tables.filter(Files::isDirectory).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Path t : folders) {
        String name = t.getFileName().toString();
        if (name.startsWith(".")) {
          continue; // staging or temporary folder, never a table
        }
        if (!hasCommit(t)) {
          TableQuarantine.moveAside(workspace, schema, t);
          continue;
        }
        spark.sql("CREATE TABLE IF NOT EXISTS " + TableRef.of(null, schema, name).sql()
            + " USING delta LOCATION " + Sql.literal(t.toUri().toString()));
      }
    }
  }

  /** True when the folder's {@code _delta_log} holds at least one committed version (a commit file or a checkpoint). */
  public static boolean hasCommit(Path table) {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return false;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files.anyMatch(f -> {
        String n = f.getFileName().toString();
        try {
          return n.matches("\\d{20}\\.(json|checkpoint(\\.\\d+\\.\\d+)?\\.parquet)") && Files.size(f) > 0;
        } catch (IOException e) {
          return false;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where a local table's Delta files live. */
  public static Path locationFor(Path workspace, TableRef table) {
    return workspace.toAbsolutePath().normalize().resolve("tables").resolve(table.schema()).resolve(table.table());
  }
}
