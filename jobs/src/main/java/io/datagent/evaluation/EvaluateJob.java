package io.datagent.evaluation;

import io.datagent.agent.sql.SqlGuard;
import io.datagent.app.AppAgents;
import io.datagent.config.ArgSpec;
import io.datagent.evaluation.judge.Judges;
import io.datagent.evaluation.mlflow.EvalParams;
import io.datagent.evaluation.mlflow.MlflowRunLog;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.platform.mlflow.MlflowArtifactStore;
import io.datagent.spark.TableRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/**
 * The evaluation job ({@code spark_jar_task}): {@code --catalog C --benchmark PATH|DIR --prompt-alias production
 * [--experiment /Shared/...]}. Builds the App's agent as the App does ({@link AppAgents}: SQL warehouse through the
 * platform module, the prompt of the alias from the registry, trusted queries, semantic models), reads the benchmark
 * (a JSONL/YAML file or every such file of a Volume folder such as {@code <uploads>/_benchmarks/}, plus the trusted
 * queries without parameters and the items engineers promoted from the Chat page), runs every expected SQL through the guard (flagging what fails), asks every question,
 * logs one MLflow run when an experiment is given, and appends the results to {@code eval_runs} and
 * {@code eval_results} in {@code <catalog>.<results schema>} ({@code monitor} unless {@code --results-schema} says).
 * An MLflow failure never loses the evaluation: Delta is written with the error.
 */
public final class EvaluateJob {

  /** The job's parameters. */
  public record Args(String catalog, String benchmark, String promptAlias, String experiment, String resultsSchema) {

    public Args(String catalog, String benchmark, String promptAlias, String experiment) {
      this(catalog, benchmark, promptAlias, experiment, "monitor");
    }

    public static Args parse(String[] argv) {
      ArgSpec.Parsed p = argSpec().parse(argv);
      return new Args(p.get("catalog"), p.get("benchmark"), p.get("prompt-alias"),
          p.get("experiment").isBlank() ? null : p.get("experiment"), p.get("results-schema"));
    }
  }

  /** The job's parameters, checked by the bundle tests against the job's definition. */
  public static ArgSpec argSpec() {
    return new ArgSpec("EvaluateJob")
        .required("catalog", "catálogo de Unity Catalog; los resultados van a <catálogo>.<results-schema>")
        .required("benchmark", "archivo JSONL/YAML de preguntas, o carpeta con varios (p. ej. /Volumes/<catalogo>/raw/uploads/_benchmarks)")
        .optional("prompt-alias", "production", "alias del registro de prompts con el que responde el agente")
        .optional("experiment", "", "experimento de MLflow (p. ej. /Shared/datagent-eval); vacío: sin MLflow")
        .optional("results-schema", "monitor", "esquema del catálogo donde se guardan eval_runs y eval_results");
  }

  /** What one run produced: its id, the report, and the MLflow outcome. */
  public record Done(String runId, EvalReport report, MlflowRunLog.Logged mlflow) {}

  private EvaluateJob() {}

  /**
   * Evaluates and records: MLflow first (its run id goes into Delta), then the Delta tables, whatever MLflow said.
   *
   * @param mlflow null when no experiment is given
   */
  public static Done run(SparkSession spark, String catalog, List<BenchmarkItem> items, Evaluation eval, GroundTruth truth,
      MlflowRunLog mlflow, String experiment, Map<String, String> params) {
    return run(spark, catalog, "monitor", items, eval, truth, mlflow, experiment, params);
  }

  /** The same, with the results in {@code <catalog>.<schema>} (the bundle's quality schema). */
  public static Done run(SparkSession spark, String catalog, String schema, List<BenchmarkItem> items, Evaluation eval,
      GroundTruth truth, MlflowRunLog mlflow, String experiment, Map<String, String> params) {
    String runId = UUID.randomUUID().toString();
    Instant started = Instant.now();
    EvalReport report = eval.evaluate(items, truth, r -> {
      if (r.outcome() == Outcome.WRONG) {
        System.out.println("EvaluateJob: ERRÓNEA " + r.item().id() + ": " + r.item().question());
      }
    });
    Map<String, String> p = new HashMap<>(params);
    p.putIfAbsent("prompt_version", report.results().stream().map(Evaluation.Result::promptVersion)
        .filter(Objects::nonNull).map(String::valueOf).findFirst().orElse("ninguna"));
    p.putAll(report.judgeParams()); // which judge model and prompt versions scored this run (issue 14)
    MlflowRunLog.Logged logged = mlflow == null ? new MlflowRunLog.Logged(null, null)
        : mlflow.log(experiment, "eval-" + runId.substring(0, 8), p, Map.of("datagent.run_id", runId,
            "datagent.results_table", TableRef.of(catalog, schema, "eval_results").toString()), report);
    if (!logged.ok()) {
      System.out.println("EvaluateJob: " + logged.error() + " (los resultados se guardan igualmente en Delta)");
    }
    EvalTables.write(spark, TableRef.of(catalog, schema, "eval_runs"), TableRef.of(catalog, schema, "eval_results"),
        new EvalTables.RunInfo(runId, started, p.get("benchmark"), p.get("prompt_alias"), p.get("prompt_version"), p.get("model"),
            p.get("semantic_model_version"), p.get("commit"), logged.runId(), logged.error()), report);
    return new Done(runId, report, logged);
  }

  /** The benchmark's items: a file, or every JSONL/YAML file of a folder. */
  public static List<BenchmarkItem> read(String benchmark) throws IOException {
    Path p = Path.of(benchmark);
    return Files.isDirectory(p) ? BenchmarkFile.readDirectory(p) : BenchmarkFile.read(p);
  }

  /**
   * The workspace as a job sees it: the environment's credentials when it has them, else the job's own identity on
   * DATABRICKS_HOST (the SDK's default chain, {@link PlatformConfig#runtime}: on a cluster the run's {@code run_as},
   * its token refreshed by the SDK for as long as the job runs), with the App's SQL warehouse.
   */
  public static PlatformConfig platformConfig(Map<String, String> env) {
    return PlatformConfig.present(env) && (env.get("DATABRICKS_TOKEN") != null || env.get("DATABRICKS_CLIENT_ID") != null)
        ? PlatformConfig.fromEnv(env)
        : PlatformConfig.runtime(env.get("DATABRICKS_HOST")).withWarehouse(env.get("DATABRICKS_WAREHOUSE_ID"));
  }

  public static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("DATAGENT_CATALOG", args.catalog());
    PlatformConfig config = platformConfig(env);
    Platform platform = new Platform(config);
    env = new HashMap<>(JobEnvironment.complete(env, platform));
    AppAgents.Built app = AppAgents.databricks(env, platform, args.promptAlias(), Clock.systemUTC());
    List<BenchmarkItem> items = new ArrayList<>(read(args.benchmark()));
    items.addAll(TrustedBenchmarks.items(app.trusted().list()));
    items.addAll(app.benchmarks().items()); // promoted from the Chat page; flagged ones stay out
    Judges judges = "off".equals(env.get("DATAGENT_JUDGES"))
        ? Judges.DISABLED
        : Judges.of(app.config().llm(), env.get("DATAGENT_JUDGE_MODEL"),
            app.variants().registry(), app.variants().seed().name(), app.variants().audit());
    Evaluation eval = new Evaluation(app.agent(), "evaluate-job",
        Pricing.of(env.get("DATAGENT_EVAL_PRICE_IN"), env.get("DATAGENT_EVAL_PRICE_OUT")), judges);
    GroundTruth truth = new GroundTruth(new SqlGuard(app.config().sqlPolicy()), app.sql(),
        app.config().sqlTimeout().compareTo(Duration.ofSeconds(60)) < 0 ? Duration.ofSeconds(60) : app.config().sqlTimeout());
    MlflowRunLog mlflow = args.experiment() == null ? null
        : MlflowRunLog.databricks(config.host(), platform::bearerToken)
            // the per-question table as run artifacts, in the experiment's Volume (resources/quality.yml)
            .withArtifacts(MlflowArtifactStore.workspace(platform)::put);
    Map<String, String> params = new HashMap<>(EvalParams.of(app.config(), new EvalReport(List.of()), args.benchmark(),
        env.getOrDefault("DATAGENT_COMMIT", "desconocido"), env.getOrDefault("DATAGENT_SEMANTIC_VERSION", "derivado")));
    params.remove("prompt_version");
    params.remove("questions");
    params.put("prompt_alias", args.promptAlias());
    SparkSession spark = SparkSession.builder().getOrCreate();
    Done out = run(spark, args.catalog(), args.resultsSchema(), items, eval, truth, mlflow, args.experiment(), params);
    EvalReport.Row all = out.report().overall();
    System.out.printf("EvaluateJob: run %s, %d preguntas, %d exactas (%.0f %%), %d erróneas, %d sin puntuar; MLflow: %s%n",
        out.runId(), all.total(), all.exact(), 100 * all.exactRate(), all.wrong(), out.report().flagged().size(),
        out.mlflow().ok() ? String.valueOf(out.mlflow().runId()) : out.mlflow().error());
    System.out.print(out.report().table());
  }
}
