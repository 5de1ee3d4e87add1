package io.datagent.optimization.agent;

import io.datagent.agent.prompt.PromptSource;
import io.datagent.app.AppAgents;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.EvaluateJob;
import io.datagent.evaluation.mlflow.MlflowRunLog;
import io.datagent.optimization.CandidateEvaluator;
import io.datagent.optimization.CandidateSource;
import io.datagent.optimization.OptimizationItem;
import io.datagent.optimization.OptimizationReport;
import io.datagent.optimization.OptimizationRuntime;
import io.datagent.optimization.OptimizeConfig;
import io.datagent.optimization.OptimizeJob;
import io.datagent.optimization.Promoter;
import io.datagent.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * OptimizeJob's runtime on Databricks (registered for {@link java.util.ServiceLoader}): the App's agent built as
 * EvaluateJob builds it ({@link AppAgents}: SQL warehouse, prompt registry, trusted queries, Lakebase state), one agent
 * per candidate prompt or retrieval tuning scored by the shared evaluation ({@link AgentCandidateEvaluator}), the
 * promoter and sources of {@link OptimizationParts} (the registry DATAGENT_PROMPT_REGISTRY names, or
 * {@code app.agent_tuning} without an LLM). When it ends it writes the outcome to the supervisor's intervention of its
 * {@code --window} and logs an MLflow run to {@code --experiment}.
 *
 * <p>NOTE: the prompt's name is the App's (DATAGENT_PROMPT_NAME, or its registry's default), not {@code --prompt-name}:
 * the run must promote in the registry entry the App serves from.
 */
public final class DatabricksOptimization implements OptimizationRuntime {

  static final String USER = "datagent-optimize";

  private final Function<Map<String, String>, Platform> platforms;
  private final Clock clock;

  /** The job's: the workspace from the environment or the cluster's identity (as EvaluateJob). */
  public DatabricksOptimization() {
    this(env -> new Platform(EvaluateJob.platformConfig(env)), Clock.systemUTC());
  }

  public DatabricksOptimization(Function<Map<String, String>, Platform> platforms, Clock clock) {
    this.platforms = platforms;
    this.clock = clock;
  }

  @Override
  public Run open(OptimizeConfig config, Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    if (config.catalog() != null && !config.catalog().isBlank()) {
      env.put("DATAGENT_CATALOG", config.catalog());
    }
    Platform platform = platforms.apply(env);
    env = io.datagent.evaluation.JobEnvironment.complete(env, platform);
    AppAgents.Built app = AppAgents.databricks(env, platform, "production", clock);
    AppAgents.Variants v = app.variants();
    List<BenchmarkItem> benchmark;
    try {
      benchmark = EvaluateJob.read(config.benchmark());
    } catch (IOException e) {
      throw new UncheckedIOException("no se pudo leer el banco de preguntas " + config.benchmark(), e);
    }
    OptimizationParts parts = OptimizationParts.of(app.config(), v.state(), v.registry(), v.seed(), v.audit(), config,
        v.learner());
    AgentCandidateEvaluator evaluator = new AgentCandidateEvaluator(c -> c.isPrompt()
        ? v.withPrompt().apply(() -> new PromptSource.Served(c.prompt(), "candidato " + c.label(), null))
        : v.withCompiler().apply(c.tuning(), c.compiler()), benchmark, USER);
    MlflowRunLog mlflow = config.experiment() == null ? null
        : MlflowRunLog.databricks(platform.config().host(), platform::bearerToken);
    String model = app.config().llm() == null ? "sin-llm" : String.valueOf(app.config().llm().model());
    return new DatabricksRun(config, AgentCandidateEvaluator.items(benchmark), evaluator, parts,
        new SupervisorInterventions(v.state()), mlflow, model);
  }

  private record DatabricksRun(OptimizeConfig config, List<OptimizationItem> items, CandidateEvaluator evaluator,
      OptimizationParts parts, SupervisorInterventions interventions, MlflowRunLog mlflow, String model) implements Run {

    @Override
    public Promoter promoter() {
      return parts.promoter();
    }

    @Override
    public List<CandidateSource> sources() {
      return parts.sources();
    }

    @Override
    public void finished(OptimizationReport report) {
      if (config.window() != null) {
        record(() -> interventions.finish(config.window(), report));
      }
      if (mlflow != null) {
        MlflowRunLog.Logged logged = mlflow.log(config.experiment(), "optimize-" + runName(config),
            OptimizationRunLog.params(config, report, model), OptimizationRunLog.tags(config),
            OptimizationRunLog.metrics(report));
        System.out.println("OptimizeJob: MLflow " + (logged.ok() ? "run " + logged.runId() : logged.error()));
      }
    }

    @Override
    public void failed(Exception error) {
      if (config.window() != null) {
        record(() -> interventions.failed(config.window(), "La optimización falló sin promover nada: " + error.getMessage()));
      }
    }

    private void record(java.util.function.BooleanSupplier write) {
      try {
        if (!write.getAsBoolean()) {
          System.out.println("OptimizeJob: no hay intervención de la ventana " + config.window() + " que actualizar");
        }
      } catch (RuntimeException e) {
        System.out.println("OptimizeJob: " + e.getMessage());
      }
    }

    private static String runName(OptimizeConfig config) {
      return config.window() == null ? "programada" : config.window().replaceAll("[^0-9A-Za-z-]", "");
    }
  }
}
