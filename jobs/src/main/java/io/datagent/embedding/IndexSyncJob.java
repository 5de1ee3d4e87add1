package io.datagent.embedding;

import io.datagent.config.ArgSpec;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Spark JAR task (needs no Spark) of the API-sources job, after {@code embed}: syncs the TRIGGERED Vector Search index
 * over {@code serving.document_embeddings} as the job's run_as identity and waits until the index reports the sync
 * finished, at most {@code --wait-seconds} ({@link IndexSync}, the path EmbedJob's own sync takes too), so the task
 * fails when the index does. With Vector Search off ({@code --vector-search false}) it says so and succeeds, so the same job
 * deploys either way.
 */
public final class IndexSyncJob {

  /** What the task was asked: the workspace, whether Vector Search is on, and the index. */
  public record Config(String host, boolean enabled, String index, Duration maxWait) {}

  private IndexSyncJob() {}

  /** The task parameters (checked against the bundle by the tests module). */
  public static ArgSpec argSpec() {
    return new ArgSpec("IndexSyncJob")
        .optional("host", "", "URL del workspace (por defecto DATABRICKS_HOST)")
        .optional("vector-search", "false", "true: sincroniza el índice; false: no hace nada (Vector Search desactivado)")
        .optional("vector-search-index", "", "nombre completo del índice TRIGGERED a sincronizar (catálogo.esquema.índice)")
        .optional("wait-seconds", "780", "espera máxima a que el índice termine de sincronizarse (menos que el "
            + "timeout_seconds de la tarea)");
  }

  public static Config config(Map<String, String> env, String... args) {
    ArgSpec.Parsed p = argSpec().parse(args);
    String flag = p.get("vector-search").strip().toLowerCase(java.util.Locale.ROOT);
    if (!flag.equals("true") && !flag.equals("false")) {
      throw new IllegalArgumentException("IndexSyncJob: --vector-search debe ser true o false, no '" + flag + "'");
    }
    boolean enabled = flag.equals("true");
    String index = p.get("vector-search-index").strip();
    if (enabled && !index.matches("[^.\\s]+\\.[^.\\s]+\\.[^.\\s]+")) {
      throw new IllegalArgumentException("IndexSyncJob: --vector-search-index debe ser catálogo.esquema.índice, no '" + index + "'");
    }
    String host = p.find("host").orElse(env.get("DATABRICKS_HOST"));
    if (enabled && (host == null || host.isBlank())) {
      throw new IllegalArgumentException("IndexSyncJob: hace falta --host o DATABRICKS_HOST");
    }
    int wait = p.getInt("wait-seconds");
    if (wait <= 0) {
      throw new IllegalArgumentException("IndexSyncJob: --wait-seconds debe ser mayor que 0, no " + wait);
    }
    return new Config(host, enabled, index, Duration.ofSeconds(wait));
  }

  /** Syncs and waits through {@code workspace}, or only reports that Vector Search is off; returns the line printed. */
  static String run(Config cfg, Function<String, JobWorkspace> workspace, Consumer<String> log) {
    return run(cfg, workspace, IndexSyncWait.Limits.defaults(cfg.maxWait()), log);
  }

  static String run(Config cfg, Function<String, JobWorkspace> workspace, IndexSyncWait.Limits limits,
      Consumer<String> log) {
    if (!cfg.enabled()) {
      String line = "Vector Search desactivado (vector_search_enabled = false): no hay índice que sincronizar";
      log.accept(line);
      return line;
    }
    String line = IndexSync.finished(cfg.index(), IndexSync.syncAndWait(workspace.apply(cfg.host()), cfg.index(),
        limits, log));
    log.accept(line);
    return line;
  }

  public static void main(String[] args) {
    Config cfg = config(System.getenv(), args);
    run(cfg, JobWorkspace::forHost, System.out::println);
  }
}
