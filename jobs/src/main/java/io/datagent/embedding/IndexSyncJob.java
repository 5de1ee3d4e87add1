package io.datagent.embedding;

import io.datagent.config.ArgSpec;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Spark JAR task (needs no Spark) of the API-sources job, after {@code embed}: starts the sync of the TRIGGERED Vector
 * Search index over {@code serving.document_embeddings} ({@link EmbedJob#syncIndex}), as the job's run_as identity.
 * With Vector Search off ({@code --vector-search false}) it says so and succeeds, so the same job deploys either way.
 */
public final class IndexSyncJob {

  /** What the task was asked: the workspace, whether Vector Search is on, and the index. */
  public record Config(String host, boolean enabled, String index) {}

  private IndexSyncJob() {}

  /** The task parameters (checked against the bundle by the tests module). */
  public static ArgSpec argSpec() {
    return new ArgSpec("IndexSyncJob")
        .optional("host", "", "URL del workspace (por defecto DATABRICKS_HOST)")
        .optional("vector-search", "false", "true: sincroniza el índice; false: no hace nada (Vector Search desactivado)")
        .optional("vector-search-index", "", "nombre completo del índice TRIGGERED a sincronizar (catálogo.esquema.índice)");
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
    return new Config(host, enabled, index);
  }

  /** Starts the sync through {@code workspace}, or only reports that Vector Search is off; returns the line printed. */
  static String run(Config cfg, java.util.function.Function<String, JobWorkspace> workspace, Consumer<String> log) {
    if (!cfg.enabled()) {
      String line = "Vector Search desactivado (vector_search_enabled = false): no hay índice que sincronizar";
      log.accept(line);
      return line;
    }
    EmbedJob.syncIndex(workspace.apply(cfg.host()), cfg.index(), log);
    return "índice " + cfg.index() + ": sincronización iniciada";
  }

  public static void main(String[] args) {
    Config cfg = config(System.getenv(), args);
    run(cfg, JobWorkspace::forHost, System.out::println);
  }
}
