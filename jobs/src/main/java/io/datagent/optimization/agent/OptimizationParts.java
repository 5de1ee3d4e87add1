package io.datagent.optimization.agent;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.llm.LlmConfig;
import io.datagent.agent.prompt.registry.AliasAudit;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptSeed;
import io.datagent.app.curation.TraceExport;
import io.datagent.app.trusted.PostgresTrustedQueries;
import io.datagent.app.tuning.AgentTuningStore;
import io.datagent.optimization.CandidateSource;
import io.datagent.optimization.CompilerCandidates;
import io.datagent.optimization.FewShotCandidates;
import io.datagent.optimization.InstructionRewrites;
import io.datagent.optimization.OptimizeConfig;
import io.datagent.optimization.Promoter;
import io.datagent.optimization.RetrievalTuningGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The promoter and candidate sources of one optimisation run, the same locally and on Databricks: with an LLM,
 * few-shot candidates (trusted queries, up-voted traces, the tuning split) and instruction rewrites proposed by the
 * model, promoted in the prompt registry; without one, the question compiler's learned synonyms and thresholds and the
 * retrieval tuning grid, promoted in {@code app.compiler_tuning} and {@code app.agent_tuning}.
 */
public record OptimizationParts(Promoter promoter, List<CandidateSource> sources) {

  /**
   * @param state    the App's state database (trusted queries, traces, agent tuning)
   * @param registry the prompt registry the App serves from, with its seed and alias audit (used only with an LLM)
   */
  public static OptimizationParts of(AgentConfig agent, DataSource state, PromptRegistry registry, PromptSeed seed,
      AliasAudit audit, OptimizeConfig config) {
    return of(agent, state, registry, seed, audit, config, null);
  }

  /**
   * As {@link #of(AgentConfig, DataSource, PromptRegistry, PromptSeed, AliasAudit, OptimizeConfig)}; without an LLM the
   * question compiler's candidates come first (synonyms {@code learner} learns from the App's feedback, when given,
   * and threshold neighbours), then the retrieval tuning grid.
   */
  public static OptimizationParts of(AgentConfig agent, DataSource state, PromptRegistry registry, PromptSeed seed,
      AliasAudit audit, OptimizeConfig config, java.util.function.Supplier<io.datagent.agent.semantic.SynonymLearner> learner) {
    List<CandidateSource> sources = new ArrayList<>();
    if (agent.llm() == null) {
      sources.add(new CompilerCandidates(learner == null ? List::of : new FeedbackSynonyms(state, learner)));
      sources.add(new RetrievalTuningGrid());
      return new OptimizationParts(new TuningPromoter(new AgentTuningStore(state),
          new io.datagent.app.tuning.CompilerTuningStore(state)), sources);
    }
    sources.add(new FewShotCandidates(pool(state), List.of(3, 6)));
    if (agent.llm().baseUrl() != null && config.rewriteBudget() > 0) {
      sources.add(new InstructionRewrites(new ChatRewriter(chat(agent.llm())), config.rewriteBudget(), 5));
    }
    return new OptimizationParts(new RegistryPromoter(registry, seed, audit), sources);
  }

  /** Few-shot examples besides the benchmark's: the trusted queries and the up-voted traces of the last 90 days. */
  public static List<FewShotCandidates.Example> pool(DataSource state) {
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

  /** The OpenAI-compatible chat model of {@code llm} (instruction rewrites). */
  public static OpenAiChatModel chat(LlmConfig llm) {
    return OpenAiChatModel.builder().baseUrl(llm.baseUrl()).apiKey(llm.apiKey() == null ? "none" : llm.apiKey())
        .modelName(llm.model()).timeout(llm.timeout()).build();
  }
}
