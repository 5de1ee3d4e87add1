package io.datagent.app;

import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.sql.DatabricksSqlExecutor;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.config.EnvReader;
import io.datagent.app.catalog.AgentDataCatalog;
import io.datagent.app.catalog.CachedDataCatalog;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.databricks.DatabricksIngestionJobs;
import io.datagent.app.prompts.AgentPrompts;
import io.datagent.app.roles.Engineers;
import io.datagent.app.roles.EngineersOnly;
import io.datagent.app.roles.WorkspaceGroupEngineers;
import io.datagent.app.secrets.AppSecrets;
import io.datagent.app.secrets.WorkspaceSecretScope;
import io.datagent.app.state.JsonCodec;
import io.datagent.app.state.Lakebase;
import io.datagent.app.state.StateDatabase;
import io.datagent.app.trace.TraceExporters;
import io.datagent.app.web.RouteRegistrar;
import io.datagent.retrieval.Retriever;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The App on Databricks (no Spark): every side from the environment the Apps runtime and the App's resources give
 * it (the bundle's {@code config} in resources/app.yml; bundle/app/app.yaml holds its target-independent part), then
 * serve on {@code DATABRICKS_APP_PORT} until stopped.
 */
public final class AppMain {

  private AppMain() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Map<String, String> sysenv = System.getenv();
    if (!PlatformConfig.present(sysenv)) {
      throw new IllegalArgumentException("DATABRICKS_HOST no está definida (la pone el entorno de Databricks Apps)");
    }
    // The one Databricks client of the process (the App's service principal); the user's client is built per request.
    Platform platform = new Platform(PlatformConfig.fromEnv(sysenv).withWarehouse(AppAgents.require(sysenv, "DATABRICKS_WAREHOUSE_ID")));
    // The optional secrets join the environment here, read from the scope as the App's service principal; what is
    // missing is logged and shown on the Monitor page, and the App starts regardless.
    AppSecrets secrets = secrets(sysenv, platform);
    secrets.missing().forEach(line -> System.out.println("datagent App: " + line));
    Map<String, String> env = secrets.environment();
    Clock clock = Clock.systemUTC();
    JsonCodec json = new JsonCodec();

    // The agent and the Datos page share one SQL warehouse executor and one catalog.
    AgentConfig agentConfig = AgentConfig.fromEnv(env, platform);
    String catalog = AppAgents.require(env, "DATAGENT_CATALOG");
    // Required, not defaulted: development mode renames the schemas (dev_<user>_serving), so "serving" could be
    // another deployment's tables.
    String serving = AppAgents.require(env, "DATAGENT_SERVING_SCHEMA");
    String raw = AppAgents.require(env, "DATAGENT_RAW_SCHEMA");
    SqlExecutor sql = new DatabricksSqlExecutor(platform.statements(), catalog, serving);
    TableCatalog tables = AppAgents.tables(agentConfig, sql, catalog, serving);
    DataCatalog data = new CachedDataCatalog(new AgentDataCatalog(tables, sql, serving, "`" + raw + "`.`_ingestion_log`"),
        Duration.ofMinutes(1), clock);

    Lakebase.Config pg = Lakebase.Config.fromEnv(env);
    StateDatabase state = new StateDatabase(Lakebase.dataSource(pg, Lakebase.passwords(pg, platform.lakebase(), platform::bearerToken, clock), 10));
    // searched with the retrieval tuning the optimisation promoted for the agent without an LLM (the default before any),
    // read again every 30 s
    Retriever retriever = AppAgents.retriever(env, platform, catalog, serving,
        io.datagent.app.tuning.RefreshingTuning.retrieval(state.dataSource()));

    List<RouteRegistrar> extra = new ArrayList<>();
    // The agent's prompt: the production alias of the registry (Lakebase, or MLflow's in Unity Catalog), refreshed.
    AgentPrompts prompts = AgentPrompts.of(AgentPrompts.Config.fromEnv(env, catalog, serving), state.dataSource(),
        com.databricks.sdk.core.ApiClient::new, clock);
    extra.add(prompts.routes());
    // labelled traces and feedback as JSON Lines for the engineers (issue 14, curation)
    extra.add(new io.datagent.app.curation.TraceExportRoutes(new io.datagent.app.curation.TraceExport(state.dataSource())));
    // Each table's semantic model as the ingestion job kept it in the uploads Volume (issue 12), for the agent and
    // the Datos page; without a file it is derived from the catalog and SQL.
    io.datagent.agent.semantic.SemanticModelSource models = new io.datagent.app.semantic.VolumeSemanticModelSource(
        platform.files(), AppAgents.volumePath(AppAgents.require(env, "DATAGENT_UPLOADS_VOLUME")));
    extra.add(io.datagent.app.semantic.SemanticRoutes.over(data, serving, tables, sql, agentConfig, models));
    // The API sources (issue 16): definitions and state in the uploads Volume, runs and errors in the raw schema's log.
    extra.add(new io.datagent.app.apisources.ApiSourceRoutes(new io.datagent.app.apisources.ApiSources(
        io.datagent.app.apisources.ApiSourceFiles.volume(platform.files(), AppAgents.volumePath(AppAgents.require(env, "DATAGENT_UPLOADS_VOLUME"))),
        sql, "`" + raw + "`.`_ingestion_log`", "`" + raw + "`.`_quarantine`")));
    // The job monitor: its routes (/api/monitor/*) and page (public/monitor/) live in the App; its loop starts once
    // the App (and the app.* tables it reads for agent quality) is up.
    // Its LLM stage uses the assistant's model (DATAGENT_LLM_ENDPOINT / OPENAI_BASE_URL) for what the rules leave unknown.
    io.datagent.jobmonitor.JobMonitor monitor = io.datagent.jobmonitor.JobMonitor.databricks(state.dataSource(), env,
        platform, io.datagent.jobmonitor.classify.MonitorChatModels.fromEnvOrRules(env, platform));
    extra.add(javalin -> io.datagent.jobmonitor.web.MonitorRoutes.register(javalin, monitor, secrets.missing()));
    // The monitor's API is the engineers': members of the workspace group (read with the user's token), or listed.
    extra.add(EngineersOnly.monitor(new WorkspaceGroupEngineers(platform,
        env.getOrDefault("DATAGENT_ENGINEERS_GROUP", "datagent-engineers"), Duration.ofMinutes(5))
        .or(Engineers.listed(env.get("DATAGENT_ENGINEERS"))), state.dataSource()));

    // The agent's evaluations on the Monitor page (issue 14): the evaluation job's results in Delta (the bundle's
    // quality schema) and "Evaluar ahora", run-now of that job; without its id the page says what is missing.
    extra.add(new io.datagent.app.evaluation.EvaluationRoutes(new io.datagent.app.evaluation.SqlEvaluationHistory(sql,
        io.datagent.app.evaluation.SqlEvaluationHistory.table(catalog, AppAgents.require(env, "DATAGENT_QUALITY_SCHEMA"))),
        io.datagent.app.evaluation.JobEvaluationLauncher.of(platform.jobs(), env.get("DATAGENT_EVALUATE_JOB_ID"), clock)));
    // Trusted queries (issue 12): engineers save answered questions; matched before the compiler or the model.
    io.datagent.agent.trusted.TrustedQueries trusted = new io.datagent.app.trusted.PostgresTrustedQueries(state.dataSource());
    extra.add(new io.datagent.app.trusted.TrustedQueryRoutes(trusted,
        new io.datagent.agent.sql.SqlGuard(agentConfig.sqlPolicy()), clock));
    // Benchmark items engineers promote from the Chat page (issue 14); their SQL runs through the guard when saved.
    extra.add(new io.datagent.app.benchmarks.BenchmarkRoutes(new io.datagent.app.benchmarks.PostgresBenchmarks(state.dataSource()),
        new io.datagent.evaluation.GroundTruth(new io.datagent.agent.sql.SqlGuard(agentConfig.sqlPolicy()), sql,
            agentConfig.sqlTimeout()), clock));
    DatagentApp app = DatagentApp.start(AppSettings.databricks(agentConfig, port(args, env))
            .uploadMaxBytes(megabytes(env)).build(),
        new DatagentApp.Ports(AgentFactory.create(agentConfig, retriever, tables, sql, prompts.source(), models, trusted,
            io.datagent.app.tuning.RefreshingTuning.compiler(state.dataSource())), state, data,
            new DatabricksIngestionJobs(platform.files(), platform.jobs(), AppAgents.volumePath(AppAgents.require(env, "DATAGENT_UPLOADS_VOLUME")),
                Long.parseLong(AppAgents.require(env, "DATAGENT_INGESTION_JOB_ID")), data),
            TraceExporters.fromEnv(env, () -> workspaceAuth(env, platform), json), extra),
        clock);
    monitor.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      monitor.close();
      app.close();
    }, "datagent-shutdown"));
    System.out.printf("datagent App escuchando en el puerto %d (lista en %.1f s)%n", app.port(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * The environment plus the secrets of DATAGENT_SECRET_SCOPE (the bundle's scope), read with databricks-sdk-java as
   * the App's service principal (DATABRICKS_CLIENT_ID/SECRET, injected by the Apps runtime).
   */
  static AppSecrets secrets(Map<String, String> env, Platform platform) {
    String scope = env.get("DATAGENT_SECRET_SCOPE");
    if (scope == null || scope.isBlank()) {
      return AppSecrets.withoutScope(env);
    }
    return AppSecrets.resolve(env, new WorkspaceSecretScope(platform.secrets(), scope.strip()));
  }

  /** {@code --port N} (app.yaml passes $DATABRICKS_APP_PORT), else DATABRICKS_APP_PORT, else 8000. */
  static int port(String[] args, Map<String, String> env) {
    List<String> a = List.of(args);
    int at = a.indexOf("--port");
    if (at >= 0 && at + 1 < a.size()) {
      return (int) new EnvReader(Map.of("--port", a.get(at + 1)), "app.yaml").number("--port", 0, 0, 65_535);
    }
    return (int) new EnvReader(env, "Databricks Apps").number("DATABRICKS_APP_PORT", 8000, 0, 65_535);
  }

  static long megabytes(Map<String, String> env) {
    return new EnvReader(env, "resources/app.yml").number("DATAGENT_UPLOAD_MAX_MB", AppSettings.UPLOAD_MAX_BYTES / 1_000_000L,
        1, 10_000) * 1_000_000L;
  }

  /** The service principal's token, only for a tracking server inside the workspace. */
  private static Map<String, String> workspaceAuth(Map<String, String> env, Platform platform) {
    String target = env.getOrDefault("DATAGENT_OTLP_TRACES_ENDPOINT", env.getOrDefault("MLFLOW_TRACKING_URI", ""));
    return target.startsWith(platform.config().host()) ? Map.of("Authorization", "Bearer " + platform.bearerToken()) : Map.of();
  }
}
