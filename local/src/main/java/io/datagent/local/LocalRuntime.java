package io.datagent.local;

import io.datagent.spark.LocalSpark;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * What subcommands share: the workspace, the project root (to find the bundled samples), and a Spark session that
 * is only started when a command needs it (the App and the monitor run without Spark).
 */
public final class LocalRuntime {

  private final Workspace workspace;
  private final Path projectRoot;
  private SparkSession spark;

  public LocalRuntime(Workspace workspace, Path projectRoot) {
    this.workspace = workspace;
    this.projectRoot = projectRoot;
  }

  public Workspace workspace() {
    return workspace;
  }

  public Path projectRoot() {
    return projectRoot;
  }

  /** The sample files the demo loads: {@code ../shared/samples/energia} beside the project. */
  public Path samples() {
    String override = System.getenv("DATAGENT_SAMPLES");
    return override != null && !override.isBlank()
        ? Path.of(override)
        : projectRoot.resolve("..").resolve("shared").resolve("samples").resolve("energia").normalize();
  }

  /**
   * The workspace's session, opened on first use; it is also made the calling thread's active session, so code that
   * resolves {@code SparkSession.active} (Delta's catalog, the writers) on a pool or background thread gets this
   * session and its Delta catalog, not a bare default.
   */
  public synchronized SparkSession spark() {
    if (spark == null || spark.sparkContext().isStopped()) { // another workspace's session may have replaced it
      spark = LocalSpark.open(workspace.create().root());
    }
    SparkSession.setActiveSession(spark);
    return spark;
  }

  public synchronized void close() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }
}
