package io.datagent.optimization;

import io.datagent.config.ArgSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Spark JAR task (weekly, and started by the App's quality supervisor) that tries to improve the agent: builds
 * candidates, evaluates each on the benchmark's held-out split and promotes one only when it beats the current
 * configuration by the margin with no kind regressing ({@link Optimizer}). {@code ./agent optimize} runs the same loop
 * in process.
 *
 * <p>NOTE: the evaluation engine and the configuration store come from an {@link OptimizationRuntime} on the class
 * path (the jobs JAR registers the Databricks one, {@code io.datagent.optimization.agent.DatabricksOptimization});
 * without one the run fails before anything is evaluated (and nothing is promoted).
 */
public final class OptimizeJob {

  private OptimizeJob() {}

  public static ArgSpec argSpec() {
    return new ArgSpec("OptimizeJob")
        .optional("catalog", "", "catálogo de Unity Catalog de las tablas (vacío: el del clúster)")
        .required("benchmark", "banco de preguntas (JSONL), p. ej. /Volumes/<cat>/<esquema>/benchmarks/energia.jsonl")
        .optional("prompt-name", "datagent_system_prompt", "nombre del prompt en el registro")
        .optional("experiment", "", "experimento de MLflow donde se registra la ejecución")
        .optional("held-out", "0.4", "parte del banco reservada para juzgar a los candidatos (0-1)")
        .optional("margin", "0.02", "mejora mínima de la tasa de exactas para promover (0.02 = 2 puntos)")
        .optional("max-candidates", "8", "candidatos evaluados como mucho")
        .optional("rewrite-budget", "3", "reescrituras de instrucciones pedidas al modelo como mucho")
        .optional("reason", "programada", "por qué se lanzó (la supervisión de calidad pone los umbrales superados)")
        .optional("window", "", "ventana de la supervisión que la lanzó (vacío: programada o a mano)");
  }

  public static OptimizeConfig config(String... args) {
    ArgSpec.Parsed p = argSpec().parse(args);
    double heldOut = number(p.get("held-out"), "held-out");
    double margin = number(p.get("margin"), "margin");
    int max = p.getInt("max-candidates");
    int budget = p.getInt("rewrite-budget");
    if (budget < 0) {
      throw new IllegalArgumentException("OptimizeJob: --rewrite-budget must not be negative, got " + budget);
    }
    Optimizer.Settings settings = new Optimizer.Settings(heldOut, "datagent", new PromotionRule(margin), max);
    BenchmarkSplit.of(List.of(), heldOut, "check"); // rejects a share outside (0, 1) with its message
    return new OptimizeConfig(p.find("catalog").orElse(null), p.get("benchmark"), p.get("prompt-name"),
        p.find("experiment").filter(s -> !s.isBlank()).orElse(null), settings, budget, p.get("reason"),
        p.find("window").filter(s -> !s.isBlank()).orElse(null));
  }

  /** Runs the loop with the given parts; what {@link #main} and {@code ./agent optimize} both call. */
  public static OptimizationReport run(OptimizeConfig config, CandidateEvaluator evaluator, Promoter promoter,
      List<CandidateSource> sources) throws IOException {
    List<OptimizationItem> items = OptimizationBenchmark.read(Path.of(config.benchmark()));
    return new Optimizer(evaluator, promoter, sources, config.settings()).run(items);
  }

  public static String summary(OptimizationReport r) {
    return String.format(Locale.ROOT, "optimización: %d candidatos sobre %d preguntas reservadas; exactas %.1f %% → %.1f %%; %s (%s)",
        r.tried().size(), r.heldOutItems(), r.beforeScore() * 100, r.afterScore() * 100,
        r.promoted() ? "promovido " + r.servedNow() : "sin cambios", r.reason());
  }

  public static void main(String[] args) throws IOException {
    OptimizeConfig config = config(args);
    OptimizationRuntime runtime = ServiceLoader.load(OptimizationRuntime.class).findFirst()
        .orElseThrow(() -> new IllegalStateException("OptimizeJob: no hay motor de evaluación en el JAR "
            + "(ningún io.datagent.optimization.OptimizationRuntime); no se evaluó ni promovió nada"));
    System.out.println(summary(execute(config, runtime, System.getenv())));
  }

  /**
   * Runs the loop with the runtime's parts and records its outcome there ({@link OptimizationRuntime.Run#finished}), or
   * its failure ({@link OptimizationRuntime.Run#failed}) before rethrowing it.
   */
  public static OptimizationReport execute(OptimizeConfig config, OptimizationRuntime runtime, Map<String, String> env) {
    OptimizationRuntime.Run run = runtime.open(config, env);
    OptimizationReport report;
    try {
      report = new Optimizer(run.evaluator(), run.promoter(), run.sources(), config.settings()).run(run.items());
    } catch (RuntimeException e) {
      run.failed(e);
      throw e;
    }
    run.finished(report);
    return report;
  }

  private static double number(String s, String name) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("OptimizeJob: --" + name + " must be a number, got '" + s + "'");
    }
  }
}
