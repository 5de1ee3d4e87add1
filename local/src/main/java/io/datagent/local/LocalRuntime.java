package io.datagent.local;

import io.datagent.config.EnvReader;
import io.datagent.spark.LocalSpark;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What subcommands share: the workspace, the project root (to find the bundled samples), and a Spark session that
 * is only started when a command needs it (the App and the monitor run without Spark), and the process environment
 * as {@code AgentCli.main} read it once: commands take their components' settings from {@link #env()}, never from
 * {@code System.getenv}.
 */
public final class LocalRuntime {

  private final Workspace workspace;
  private final Path projectRoot;
  private final EnvReader env;
  private SparkSession spark;

  /** A runtime with an empty environment: every setting at its default (tests, in-process runs). */
  public LocalRuntime(Workspace workspace, Path projectRoot) {
    this(workspace, projectRoot, new EnvReader(Map.of(), null));
  }

  public LocalRuntime(Workspace workspace, Path projectRoot, EnvReader env) {
    this.workspace = workspace;
    this.projectRoot = projectRoot;
    this.env = env;
  }

  /** Another workspace with the same project root and environment (the benchmarks' throw-away workspaces). */
  public LocalRuntime in(Workspace other) {
    return new LocalRuntime(other, projectRoot, env);
  }

  /** The process environment, read once by the main. */
  public EnvReader env() {
    return env;
  }

  public Workspace workspace() {
    return workspace;
  }

  public Path projectRoot() {
    return projectRoot;
  }

  /** The sample files the demo loads: DATAGENT_SAMPLES, else {@code ../shared/samples/energia} beside the project. */
  public Path samples() {
    String override = env.text("DATAGENT_SAMPLES", null);
    return override != null ? Path.of(override)
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
