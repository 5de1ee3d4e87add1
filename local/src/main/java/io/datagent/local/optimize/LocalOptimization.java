package io.datagent.local.optimize;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.llm.LlmConfig;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptSeed;
import io.datagent.app.curation.TraceExport;
import io.datagent.app.prompts.AgentPrompts;
import io.datagent.app.prompts.PromptAliasLog;
import io.datagent.app.trusted.PostgresTrustedQueries;
import io.datagent.app.tuning.AgentTuningStore;
import io.datagent.jobmonitor.quality.InterventionOutcome;
import io.datagent.local.LocalRuntime;
import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.optimization.CandidateSource;
import io.datagent.optimization.FewShotCandidates;
import io.datagent.optimization.InstructionRewrites;
import io.datagent.optimization.OptimizationReport;
import io.datagent.optimization.OptimizeConfig;
import io.datagent.optimization.Optimizer;
import io.datagent.optimization.Promoter;
import io.datagent.optimization.RetrievalTuningGrid;
import io.datagent.retrieval.Retriever;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The optimisation loop wired for the local runtime, as {@code ./agent optimize} and the local App's quality
 * supervisor run it in process: with a model, few-shot candidates (trusted queries, up-voted traces, the tuning
 * split) and instruction rewrites, promoted in the prompt registry; without one, the retrieval tuning grid, promoted
 * in {@code app.agent_tuning}. Scored by the local evaluation ({@link LocalCandidateEvaluator}).
 */
public final class LocalOptimization {

  private LocalOptimization() {}

  public static OptimizationReport run(LocalRuntime rt, Map<String, String> env, DataSource state, Retriever retriever,
      OptimizeConfig config) throws IOException {
    List<BenchmarkItem> items = BenchmarkFile.read(Path.of(config.benchmark()));
    AgentConfig agent = AgentConfig.fromEnv(env);
    Promoter promoter;
    List<CandidateSource> sources = new ArrayList<>();
    if (agent.llm() != null) {
      AgentPrompts prompts = AgentPrompts.of(AgentPrompts.Config.fromEnv(env, "local", agent.sqlPolicy().defaultSchema()),
          state, com.databricks.sdk.core.ApiClient::new, Clock.systemUTC());
      PromptRegistry registry = prompts.registry();
      PromptAliasLog audit = new PromptAliasLog(state);
      promoter = new RegistryPromoter(registry, PromptSeed.bundled(registry, config.promptName(), audit), audit);
      sources.add(new FewShotCandidates(pool(state), List.of(3, 6)));
      if (agent.llm().baseUrl() != null && config.rewriteBudget() > 0) {
        sources.add(new InstructionRewrites(new ChatRewriter(chat(agent.llm())), config.rewriteBudget(), 5));
      }
    } else {
      promoter = new TuningPromoter(new AgentTuningStore(state));
      sources.add(new RetrievalTuningGrid());
    }
    try (CandidateAgents agents = new CandidateAgents(rt, env, retriever)) {
      LocalCandidateEvaluator evaluator = new LocalCandidateEvaluator(agents, items, "datagent-optimize");
      return new Optimizer(evaluator, promoter, sources, config.settings()).run(LocalCandidateEvaluator.items(items));
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

  /** Few-shot examples besides the benchmark's: the trusted queries and the up-voted traces of the last 90 days. */
  static List<FewShotCandidates.Example> pool(DataSource state) {
    List<FewShotCandidates.Example> out = new ArrayList<>();
    try {
      new PostgresTrustedQueries(state).list().forEach(q -> q.patterns().stream().findFirst().ifPresent(p ->
          out.add(new FewShotCandidates.Example("confiable", p, q.sql(), "confiable"))));
      new TraceExport(state).upvoted(Instant.now().minus(Duration.ofDays(90))).forEach(t ->
          out.add(new FewShotCandidates.Example("voto", t.question(), String.join(";\n", t.sql()), "voto")));
    } catch (RuntimeException e) {
      // a state database without those tables yet: the benchmark's own examples remain
    }
    return out;
  }

  static OpenAiChatModel chat(LlmConfig llm) {
    return OpenAiChatModel.builder().baseUrl(llm.baseUrl()).apiKey(llm.apiKey() == null ? "none" : llm.apiKey()).modelName(llm.model())
        .timeout(llm.timeout()).build();
  }
}
