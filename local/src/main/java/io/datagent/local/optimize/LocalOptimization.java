package io.datagent.local.optimize;

import io.datagent.agent.AgentConfig;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptSeed;
import io.datagent.app.prompts.AgentPrompts;
import io.datagent.app.prompts.PromptAliasLog;
import io.datagent.jobmonitor.quality.InterventionOutcome;
import io.datagent.local.LocalRuntime;
import io.datagent.local.agent.LocalAgents;
import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.optimization.OptimizationReport;
import io.datagent.optimization.OptimizeConfig;
import io.datagent.optimization.Optimizer;
import io.datagent.optimization.agent.AgentCandidateEvaluator;
import io.datagent.optimization.agent.OptimizationParts;
import io.datagent.retrieval.Retriever;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The optimisation loop wired for the local runtime, as {@code ./agent optimize} and the local App's quality
 * supervisor run it in process: with a model, few-shot candidates (trusted queries, up-voted traces, the tuning
 * split) and instruction rewrites, promoted in the prompt registry; without one, the retrieval tuning grid, promoted
 * in {@code app.agent_tuning} ({@link OptimizationParts}, shared with the Databricks runtime), scored by
 * {@link AgentCandidateEvaluator} over the local agents.
 */
public final class LocalOptimization {

  private LocalOptimization() {}

  public static OptimizationReport run(LocalRuntime rt, Map<String, String> env, DataSource state, Retriever retriever,
      OptimizeConfig config) throws IOException {
    List<BenchmarkItem> items = BenchmarkFile.read(Path.of(config.benchmark()));
    AgentConfig agent = AgentConfig.fromEnv(env);
    AgentPrompts prompts = AgentPrompts.of(AgentPrompts.Config.fromEnv(env, "local", agent.sqlPolicy().defaultSchema()),
        state, com.databricks.sdk.core.ApiClient::new, Clock.systemUTC());
    PromptRegistry registry = prompts.registry();
    PromptAliasLog audit = new PromptAliasLog(state);
    OptimizationParts parts = OptimizationParts.of(agent, state, registry,
        PromptSeed.bundled(registry, config.promptName(), audit), audit, config, () -> LocalAgents.learner(rt, env));
    try (CandidateAgents agents = new CandidateAgents(rt, env, retriever)) {
      AgentCandidateEvaluator evaluator = new AgentCandidateEvaluator(agents, items, "datagent-optimize");
      return new Optimizer(evaluator, parts.promoter(), parts.sources(), config.settings())
          .run(AgentCandidateEvaluator.items(items));
    }
  }

  /**
   * The optimisation as the local App's quality supervisor starts it: the benchmark DATAGENT_BENCHMARK names (by
   * default the repository's), the supervisor's reason and window as OptimizeJob's arguments.
   */
  public static java.util.function.Function<Map<String, String>, InterventionOutcome> job(LocalRuntime rt,
      Map<String, String> env, DataSource state, Retriever retriever) {
    return params -> {
      String benchmark = env.getOrDefault("DATAGENT_BENCHMARK", rt.projectRoot().resolve(BenchmarkFile.DEFAULT).toString());
      OptimizeConfig config = io.datagent.optimization.OptimizeJob.config("--benchmark", benchmark,
          "--reason", params.getOrDefault("reason", "supervisión"), "--window", params.getOrDefault("window", ""));
      try {
        return outcome(run(rt, env, state, retriever, config));
      } catch (IOException e) {
        return new InterventionOutcome("FAILED", "No se pudo leer el banco de preguntas " + benchmark + ": " + e.getMessage(),
            null, null);
      }
    };
  }

  /** The intervention's outcome of a report. */
  public static InterventionOutcome outcome(OptimizationReport r) {
    return new InterventionOutcome(r.promoted() ? "PROMOTED" : "UNCHANGED",
        io.datagent.optimization.OptimizeJob.summary(r), r.beforeScore(), r.afterScore());
  }
}
