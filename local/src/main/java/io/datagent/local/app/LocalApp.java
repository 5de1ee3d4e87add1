package io.datagent.local.app;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.app.AppSettings;
import io.datagent.app.BackgroundRetriever;
import io.datagent.app.DatagentApp;
import io.datagent.app.catalog.AgentDataCatalog;
import io.datagent.app.catalog.CachedDataCatalog;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.chat.ChatService;
import io.datagent.app.state.JsonCodec;
import io.datagent.app.state.StateDatabase;
import io.datagent.app.trace.TraceExporters;
import io.datagent.app.web.RouteRegistrar;
import io.datagent.config.EnvReader;
import io.datagent.local.LocalRuntime;
import io.datagent.local.agent.LocalAgents;
import io.datagent.local.retrieval.LocalRetrievers;
import io.datagent.retrieval.Retriever;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The App on the local runtime: state in an embedded PostgreSQL under the workspace, SQL and the catalog on Spark
 * local (started lazily, warmed in the background once the App is ready), uploads ingested in-process. What
 * {@code ./agent serve}, the end-to-end tests and {@code ./agent bench app} start.
 */
public final class LocalApp implements AutoCloseable {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalApp.class);

  /** Where to listen and who the demo user is. */
  public record Options(String host, int port, String demoUser, long uploadMaxBytes) {

    /** DATAGENT_HOST, DATAGENT_DEMO_USER and DATAGENT_UPLOAD_MAX_MB, each checked and named when wrong. */
    public static Options fromEnv(EnvReader env, int port) {
      return new Options(env.text("DATAGENT_HOST", AppSettings.LOOPBACK), port,
          env.text("DATAGENT_DEMO_USER", AppSettings.DEMO_USER),
          env.number("DATAGENT_UPLOAD_MAX_MB", AppSettings.UPLOAD_MAX_BYTES / 1_000_000L, 1, 10_000) * 1_000_000L);
    }
  }

  private final LocalPostgres postgres;
  private final LocalIngestionJobs ingestion;
  private final DatagentApp app;
  private final Agent agent;
  private final DataCatalog catalog;
  private final long startupMillis;
  private final Retriever retriever;

  private LocalApp(LocalPostgres postgres, LocalIngestionJobs ingestion, DatagentApp app, Agent agent, DataCatalog catalog,
      long startupMillis, Retriever retriever) {
    this.retriever = retriever;
    this.postgres = postgres;
    this.ingestion = ingestion;
    this.app = app;
    this.agent = agent;
    this.catalog = catalog;
    this.startupMillis = startupMillis;
  }

  private io.datagent.jobmonitor.JobMonitor monitor;
  private io.datagent.app.prompts.AgentPrompts prompts;

  /** The agent's prompt registry, its production alias and the Monitor page's prompt versions. */
  public io.datagent.app.prompts.AgentPrompts prompts() {
    return prompts;
  }

  public static LocalApp start(LocalRuntime rt, Options o, Map<String, String> env) {
    long t0 = System.nanoTime();
    LocalPostgres postgres = LocalPostgres.inWorkspace(rt.workspace().create().state());
    // PostgreSQL starts (about 1 s) while the agent is put together and the web and migration classes load.
    CompletableFuture<javax.sql.DataSource> database = CompletableFuture.supplyAsync(postgres::start);
    CompletableFuture<Void> classes = CompletableFuture.runAsync(LocalApp::preload);
    AgentConfig config = AgentConfig.fromEnv(env);
    SqlExecutor sql = LocalAgents.executor(rt, env);
    TableCatalog tables = LocalAgents.catalog(rt, config);
    // Search over the documents ./agent embed wrote (Lucene + the local ONNX model), opened in the background;
    // without them the agent answers from the catalog and SQL alone.
    // with the retrieval tuning the optimisation promoted for the agent without an LLM (app.agent_tuning), read at the
    // first search (the embedded PostgreSQL is up by then) and again every 30 s; the default before the first promotion
    Retriever retriever = retriever(rt, io.datagent.app.tuning.RefreshingTuning.retrieval(database::join));
    // the semantic models the ingestion keeps beside the uploads (issue 12)
    io.datagent.agent.semantic.SemanticModelSource models = LocalAgents.semanticModels(rt);
    String serving = config.sqlPolicy().defaultSchema();
    DataCatalog catalog = new CachedDataCatalog(new AgentDataCatalog(tables, sql, serving, "raw._ingestion_log"),
        Duration.ofMinutes(1), Clock.systemUTC());
    LocalIngestionJobs ingestion = new LocalIngestionJobs(rt);
    classes.join();
    StateDatabase state = new StateDatabase(database.join());
    // The agent answers with the production alias of the prompt registry in the embedded PostgreSQL (seeded from the
    // bundled file), read again every 30 s; each request's statements count against its user's concurrent queries.
    io.datagent.app.prompts.AgentPrompts prompts = io.datagent.app.prompts.AgentPrompts.of(
        io.datagent.app.prompts.AgentPrompts.Config.fromEnv(env, "local", serving), state.dataSource(),
        com.databricks.sdk.core.ApiClient::new, Clock.systemUTC());
    // Trusted queries (issue 12) in the embedded PostgreSQL, matched before the compiler; the demo's are seeded below.
    io.datagent.app.trusted.PostgresTrustedQueries trusted = new io.datagent.app.trusted.PostgresTrustedQueries(state.dataSource());
    // the compiler tuning the optimisation promoted (app.compiler_tuning), read again every 30 s
    Agent agent = io.datagent.local.agent.QueryUser.scoped(AgentFactory.create(config, retriever, tables, sql, prompts.source(),
        models, trusted, io.datagent.app.tuning.RefreshingTuning.compiler(state.dataSource())));
    List<RouteRegistrar> extra = new ArrayList<>();
    extra.add(new io.datagent.app.trusted.TrustedQueryRoutes(trusted,
        new io.datagent.agent.sql.SqlGuard(config.sqlPolicy()), Clock.systemUTC()));
    extra.add(new io.datagent.app.benchmarks.BenchmarkRoutes(new io.datagent.app.benchmarks.PostgresBenchmarks(state.dataSource()),
        new io.datagent.evaluation.GroundTruth(new io.datagent.agent.sql.SqlGuard(config.sqlPolicy()), sql, config.sqlTimeout()),
        Clock.systemUTC()));
    extra.add(prompts.routes());
    extra.add(new io.datagent.app.curation.TraceExportRoutes(new io.datagent.app.curation.TraceExport(state.dataSource())));
    extra.add(io.datagent.app.semantic.SemanticRoutes.over(catalog, serving, tables, sql, config, models));
    // The API sources ./agent ingest-api (and the demo) keep in the uploads folder, with their runs and errors.
    extra.add(new io.datagent.app.apisources.ApiSourceRoutes(new io.datagent.app.apisources.ApiSources(
        io.datagent.app.apisources.ApiSourceFiles.directory(rt.workspace().uploads()), sql, "raw._ingestion_log",
        "raw._quarantine")));
    // The job monitor supervises the runs ./agent recorded in the workspace; repairs re-run the recorded command.
    // When the agent's quality drops, the supervisor runs the optimisation in this process (./agent optimize's loop).
    io.datagent.jobmonitor.quality.EvaluationTrigger optimize = new io.datagent.jobmonitor.quality.InProcessEvaluationTrigger(
        io.datagent.local.optimize.LocalOptimization.job(rt, env, state.dataSource(), retriever),
        new io.datagent.jobmonitor.quality.QualityStore(new io.datagent.jobmonitor.store.Jdbc(state.dataSource())),
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "datagent-optimize");
          t.setDaemon(true);
          return t;
        }));
    io.datagent.jobmonitor.JobMonitor monitor = io.datagent.jobmonitor.JobMonitor.local(state.dataSource(),
        rt.workspace().state(), new io.datagent.local.monitor.LocalRepairRunner(new io.datagent.local.AgentCli()::command, rt),
        io.datagent.jobmonitor.config.MonitorConfigLoader.load(env), io.datagent.jobmonitor.classify.MonitorChatModels.fromEnvOrRules(env),
        optimize);
    extra.add(javalin -> io.datagent.jobmonitor.web.MonitorRoutes.register(javalin, monitor));
    // The agent's evaluations on the Monitor page: the reports ./agent eval writes, and "Evaluar ahora" running the same
    // evaluation with this App's agent in process (issue 14).
    java.nio.file.Path reports = rt.projectRoot().resolve("target").resolve("eval");
    extra.add(new io.datagent.app.evaluation.EvaluationRoutes(new io.datagent.app.evaluation.ReportFolderHistory(reports),
        new io.datagent.local.eval.LocalEvaluationLauncher(agent, sql, config.sqlPolicy(),
            rt.projectRoot().resolve(io.datagent.evaluation.BenchmarkFile.DEFAULT), reports,
            io.datagent.evaluation.Pricing.of(env.get("DATAGENT_EVAL_PRICE_IN"), env.get("DATAGENT_EVAL_PRICE_OUT")),
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
              Thread t = new Thread(r, "datagent-evaluate");
              t.setDaemon(true);
              return t;
            }))));
    try { // runs a kill left RUNNING are shown FAILED with the reason, not active forever
      io.datagent.local.monitor.RunRecorder.closeAbandoned(io.datagent.local.monitor.RunRecorder.files(rt));
    } catch (RuntimeException e) {
      LOG.warn("No se pudieron cerrar las ejecuciones interrumpidas del registro local", e);
    }
    // The monitor's API is the engineers': DATAGENT_ENGINEERS (e-mails, comma-separated), by default the demo user.
    extra.add(io.datagent.app.roles.EngineersOnly.monitor(
        io.datagent.app.roles.Engineers.listed(env.getOrDefault("DATAGENT_ENGINEERS", o.demoUser())), state.dataSource()));
    DatagentApp app = DatagentApp.start(AppSettings.local(config, o.port()).host(o.host()).demoUser(o.demoUser())
            .uploadMaxBytes(o.uploadMaxBytes()).build(),
        new DatagentApp.Ports(agent, state, catalog, ingestion, TraceExporters.fromEnv(env, Map::of, new JsonCodec()), extra),
        Clock.systemUTC());
    seedTrustedQueries(trusted);
    monitor.start();
    LocalApp local = new LocalApp(postgres, ingestion, app, agent, catalog, (System.nanoTime() - t0) / 1_000_000, retriever);
    local.monitor = monitor;
    local.prompts = prompts;
    return local;
  }


  /** The demo's trusted queries for the sample tables, stored on the first start (the App has migrated the state). */
  static void seedTrustedQueries(io.datagent.agent.trusted.TrustedQueries trusted) {
    try (java.io.InputStream in = LocalApp.class.getResourceAsStream("/demo/trusted-queries.json")) {
      if (in != null) {
        int n = io.datagent.app.trusted.TrustedQuerySeed.seed(trusted,
            io.datagent.app.trusted.TrustedQuerySeed.read(in, java.time.Instant.now()));
        if (n > 0) {
          LOG.info("Consultas verificadas de demostración guardadas: {}", n);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("No se pudieron guardar las consultas verificadas de demostración", e);
    }
  }

  static Retriever retriever(LocalRuntime rt, java.util.function.Supplier<io.datagent.retrieval.lucene.LuceneRetriever.Tuning> tuning) {
    java.nio.file.Path tables = rt.workspace().tables();
    if (!java.nio.file.Files.isDirectory(tables.resolve(LocalRetrievers.SCHEMA).resolve(LocalRetrievers.TABLE).resolve("_delta_log"))) {
      return BackgroundRetriever.none();
    }
    return new BackgroundRetriever(() -> LocalRetrievers.open(tables, LocalRetrievers.defaultModel(),
        io.datagent.retrieval.RetrieverConfig.defaults().withTuning(tuning)));
  }

  /** Runs a background task on its own named daemon thread (not the common pool, whose threads have no names). */
  private static void daemon(Runnable task) {
    Thread t = new Thread(task, "datagent-spark-warmup");
    t.setDaemon(true);
    t.start();
  }

  /** Loads Flyway's and Jetty's classes ahead of use (start-up time is mostly class loading). */
  private static void preload() {
    try {
      org.flywaydb.core.Flyway.configure();
      Class.forName("org.eclipse.jetty.server.Server");
      Class.forName("io.javalin.Javalin");
      Class.forName("io.javalin.json.JavalinJackson");
    } catch (ClassNotFoundException | RuntimeException e) {
      // only an optimisation
    }
  }

  /** Starts Spark and reads the catalog in the background, so the first question does not pay for it. */
  public CompletableFuture<Void> warm(LocalRuntime rt) {
    CompletableFuture<Void> spark = CompletableFuture.runAsync(() -> {
      rt.spark();
      catalog.tables();
    }, LocalApp::daemon).whenComplete((ok, e) -> {
      if (e != null) {
        LOG.warn("No se pudo preparar el motor de datos en segundo plano; se reintentará con la primera pregunta", e);
      }
    });
    return retriever instanceof BackgroundRetriever b ? CompletableFuture.allOf(spark, b.opened()) : spark;
  }

  /** The App's chat service (what {@code /api/ask} runs, without HTTP). */
  public ChatService chat() {
    return app.chat();
  }

  /** The state database (its data directory, port and server process). */
  public LocalPostgres postgres() {
    return postgres;
  }

  public int port() {
    return app.port();
  }

  public String url() {
    return "http://127.0.0.1:" + app.port() + "/";
  }

  public Agent agent() {
    return agent;
  }

  public long startupMillis() {
    return startupMillis;
  }

  @Override
  public void close() {
    if (monitor != null) {
      monitor.close();
    }
    app.close();
    ingestion.close();
    postgres.close();
    if (retriever instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // closing the search index is best effort
      }
    }
  }
}
