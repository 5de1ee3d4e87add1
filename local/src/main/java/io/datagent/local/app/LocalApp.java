package io.datagent.local.app;

import com.databricks.sdk.core.ApiClient;
import io.datagent.agent.Agent;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.semantic.SemanticModelSource;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.trusted.TrustedQueries;
import io.datagent.app.AppSettings;
import io.datagent.app.BackgroundRetriever;
import io.datagent.app.DatagentApp;
import io.datagent.app.apisources.ApiSourceFiles;
import io.datagent.app.apisources.ApiSourceRoutes;
import io.datagent.app.apisources.ApiSources;
import io.datagent.app.benchmarks.BenchmarkRoutes;
import io.datagent.app.benchmarks.PostgresBenchmarks;
import io.datagent.app.catalog.AgentDataCatalog;
import io.datagent.app.catalog.CachedDataCatalog;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.chat.ChatService;
import io.datagent.app.curation.TraceExport;
import io.datagent.app.curation.TraceExportRoutes;
import io.datagent.app.evaluation.EvaluationRoutes;
import io.datagent.app.evaluation.ReportFolderHistory;
import io.datagent.app.prompts.AgentPrompts;
import io.datagent.app.roles.Engineers;
import io.datagent.app.roles.EngineersOnly;
import io.datagent.app.semantic.SemanticRoutes;
import io.datagent.app.state.JsonCodec;
import io.datagent.app.state.StateDatabase;
import io.datagent.app.trace.TraceExporters;
import io.datagent.app.trusted.PostgresTrustedQueries;
import io.datagent.app.trusted.TrustedQueryRoutes;
import io.datagent.app.trusted.TrustedQuerySeed;
import io.datagent.app.tuning.RefreshingTuning;
import io.datagent.app.web.RouteRegistrar;
import io.datagent.config.EnvReader;
import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.GroundTruth;
import io.datagent.evaluation.Pricing;
import io.datagent.jobmonitor.JobMonitor;
import io.datagent.jobmonitor.classify.MonitorChatModels;
import io.datagent.jobmonitor.config.MonitorConfigLoader;
import io.datagent.jobmonitor.quality.EvaluationTrigger;
import io.datagent.jobmonitor.quality.InProcessEvaluationTrigger;
import io.datagent.jobmonitor.quality.QualityStore;
import io.datagent.jobmonitor.store.Jdbc;
import io.datagent.jobmonitor.web.MonitorRoutes;
import io.datagent.local.AgentCli;
import io.datagent.local.LocalRuntime;
import io.datagent.local.agent.LocalAgents;
import io.datagent.local.agent.QueryUser;
import io.datagent.local.eval.LocalEvaluationLauncher;
import io.datagent.local.monitor.LocalRepairRunner;
import io.datagent.local.monitor.RunRecorder;
import io.datagent.local.optimize.LocalOptimization;
import io.datagent.local.retrieval.LocalRetrievers;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.RetrieverConfig;
import io.datagent.retrieval.lucene.LuceneRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App on the local runtime: state in an embedded PostgreSQL under the workspace, SQL and the catalog on Spark
 * local (started lazily, warmed in the background once the App is ready), uploads ingested in-process. What
 * {@code ./agent serve}, the end-to-end tests and {@code ./agent bench app} start.
 */
public final class LocalApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalApp.class);

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

  private JobMonitor monitor;
  private AgentPrompts prompts;

  /** The agent's prompt registry, its production alias and the Monitor page's prompt versions. */
  public AgentPrompts prompts() {
    return prompts;
  }

  public static LocalApp start(LocalRuntime rt, Options o, Map<String, String> env) {
    long t0 = System.nanoTime();
    LocalPostgres postgres = LocalPostgres.inWorkspace(rt.workspace().create().state());
    // PostgreSQL starts (about 1 s) while the agent is put together and the web and migration classes load.
    CompletableFuture<DataSource> database = CompletableFuture.supplyAsync(postgres::start);
    CompletableFuture<Void> classes = CompletableFuture.runAsync(LocalApp::preload);
    AgentConfig config = AgentConfig.fromEnv(env);
    SqlExecutor sql = LocalAgents.executor(rt, env);
    TableCatalog tables = LocalAgents.catalog(rt, config);
    // Search over the documents ./agent embed wrote (Lucene + the local ONNX model), opened in the background;
    // without them the agent answers from the catalog and SQL alone.
    // with the retrieval tuning the optimisation promoted for the agent without an LLM (app.agent_tuning), read at the
    // first search (the embedded PostgreSQL is up by then) and again every 30 s; the default before the first promotion
    Retriever retriever = retriever(rt, RefreshingTuning.retrieval(database::join));
    // the semantic models the ingestion keeps beside the uploads (issue 12)
    SemanticModelSource models = LocalAgents.semanticModels(rt);
    String serving = config.sqlPolicy().defaultSchema();
    DataCatalog catalog = new CachedDataCatalog(new AgentDataCatalog(tables, sql, serving, "raw._ingestion_log"),
        Duration.ofMinutes(1), Clock.systemUTC());
    LocalIngestionJobs ingestion = new LocalIngestionJobs(rt);
    classes.join();
    StateDatabase state = new StateDatabase(database.join());
    // The agent answers with the production alias of the prompt registry in the embedded PostgreSQL (seeded from the
    // bundled file), read again every 30 s; each request's statements count against its user's concurrent queries.
    AgentPrompts prompts = AgentPrompts.of(
        AgentPrompts.Config.fromEnv(env, "local", serving), state.dataSource(),
        ApiClient::new, Clock.systemUTC());
    // Trusted queries (issue 12) in the embedded PostgreSQL, matched before the compiler; the demo's are seeded below.
    PostgresTrustedQueries trusted = new PostgresTrustedQueries(state.dataSource());
    // the compiler tuning the optimisation promoted (app.compiler_tuning), read again every 30 s
    Agent agent = QueryUser.scoped(AgentFactory.create(config, retriever, tables, sql, prompts.source(),
        models, trusted, RefreshingTuning.compiler(state.dataSource())));
    List<RouteRegistrar> extra = new ArrayList<>();
    extra.add(new TrustedQueryRoutes(trusted,
        new SqlGuard(config.sqlPolicy()), Clock.systemUTC()));
    extra.add(new BenchmarkRoutes(new PostgresBenchmarks(state.dataSource()),
        new GroundTruth(new SqlGuard(config.sqlPolicy()), sql, config.sqlTimeout()),
        Clock.systemUTC()));
    extra.add(prompts.routes());
    extra.add(new TraceExportRoutes(new TraceExport(state.dataSource())));
    extra.add(SemanticRoutes.over(catalog, serving, tables, sql, config, models));
    // The API sources ./agent ingest-api (and the demo) keep in the uploads folder, with their runs and errors.
    extra.add(new ApiSourceRoutes(new ApiSources(
        ApiSourceFiles.directory(rt.workspace().uploads()), sql, "raw._ingestion_log",
        "raw._quarantine")));
    // The job monitor supervises the runs ./agent recorded in the workspace; repairs re-run the recorded command.
    // When the agent's quality drops, the supervisor runs the optimisation in this process (./agent optimize's loop).
    EvaluationTrigger optimize = new InProcessEvaluationTrigger(
        LocalOptimization.job(rt, env, state.dataSource(), retriever),
        new QualityStore(new Jdbc(state.dataSource())),
        Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "datagent-optimize");
          t.setDaemon(true);
          return t;
        }));
    JobMonitor monitor = JobMonitor.local(state.dataSource(),
        rt.workspace().state(), new LocalRepairRunner(new AgentCli()::command, rt),
        MonitorConfigLoader.load(env), MonitorChatModels.fromEnvOrRules(env),
        optimize);
    extra.add(javalin -> MonitorRoutes.register(javalin, monitor));
    // The agent's evaluations on the Monitor page: the reports ./agent eval writes, and "Evaluar ahora" running the same
    // evaluation with this App's agent in process (issue 14).
    Path reports = rt.projectRoot().resolve("target").resolve("eval");
    extra.add(new EvaluationRoutes(new ReportFolderHistory(reports),
        new LocalEvaluationLauncher(agent, sql, config.sqlPolicy(),
            rt.projectRoot().resolve(BenchmarkFile.DEFAULT), reports,
            Pricing.of(env.get("DATAGENT_EVAL_PRICE_IN"), env.get("DATAGENT_EVAL_PRICE_OUT")),
            Executors.newSingleThreadExecutor(r -> {
              Thread t = new Thread(r, "datagent-evaluate");
              t.setDaemon(true);
              return t;
            }))));
    try { // runs a kill left RUNNING are shown FAILED with the reason, not active forever
      RunRecorder.closeAbandoned(RunRecorder.files(rt));
    } catch (RuntimeException e) {
      LOG.warn("No se pudieron cerrar las ejecuciones interrumpidas del registro local", e);
    }
    // The monitor's API is the engineers': DATAGENT_ENGINEERS (e-mails, comma-separated), by default the demo user.
    extra.add(EngineersOnly.monitor(
        Engineers.listed(env.getOrDefault("DATAGENT_ENGINEERS", o.demoUser())), state.dataSource()));
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
  static void seedTrustedQueries(TrustedQueries trusted) {
    try (InputStream in = LocalApp.class.getResourceAsStream("/demo/trusted-queries.json")) {
      if (in != null) {
        int n = TrustedQuerySeed.seed(trusted,
            TrustedQuerySeed.read(in, Instant.now()));
        if (n > 0) {
          LOG.info("Consultas verificadas de demostración guardadas: {}", n);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("No se pudieron guardar las consultas verificadas de demostración", e);
    }
  }

  static Retriever retriever(LocalRuntime rt, Supplier<LuceneRetriever.Tuning> tuning) {
    Path tables = rt.workspace().tables();
    if (!Files.isDirectory(tables.resolve(LocalRetrievers.SCHEMA).resolve(LocalRetrievers.TABLE).resolve("_delta_log"))) {
      return BackgroundRetriever.none();
    }
    return new BackgroundRetriever(() -> LocalRetrievers.open(tables, LocalRetrievers.defaultModel(),
        RetrieverConfig.defaults().withTuning(tuning)));
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
      Flyway.configure();
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
