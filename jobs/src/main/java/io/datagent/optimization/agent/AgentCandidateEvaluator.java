package io.datagent.optimization.agent;

import io.datagent.agent.Agent;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.Evaluation;
import io.datagent.evaluation.Outcome;
import io.datagent.optimization.Candidate;
import io.datagent.optimization.CandidateEvaluator;
import io.datagent.optimization.KindScores;
import io.datagent.optimization.OptimizationItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The optimisation loop's evaluator over the shared evaluation engine ({@link Evaluation} and its scorer, as
 * {@code ./agent eval} runs it): each candidate gets an agent of its own, answers the items, and an item counts when
 * its outcome is {@link Outcome#EXACT}. The loop depends only on {@link CandidateEvaluator}.
 */
public final class AgentCandidateEvaluator implements CandidateEvaluator {

  private final Function<Candidate, Agent> agents;
  private final Map<String, BenchmarkItem> items = new HashMap<>();
  private final String user;

  public AgentCandidateEvaluator(Function<Candidate, Agent> agents, List<BenchmarkItem> benchmark, String user) {
    this.agents = agents;
    benchmark.forEach(i -> items.put(i.id(), i));
    this.user = user;
  }

  /** The loop's view of the benchmark items. */
  public static List<OptimizationItem> items(List<BenchmarkItem> benchmark) {
    return benchmark.stream().map(i -> new OptimizationItem(i.id(), i.kind(), i.question(), i.sql())).toList();
  }

  @Override
  public KindScores evaluate(Candidate candidate, List<OptimizationItem> asked) {
    List<BenchmarkItem> mine = asked.stream().map(i -> {
      BenchmarkItem b = items.get(i.id());
      if (b == null) {
        throw new IllegalArgumentException("pregunta desconocida para el evaluador: " + i.id());
      }
      return b;
    }).toList();
    Agent agent = agents.apply(candidate);
    Map<String, Boolean> exact = new HashMap<>();
    for (Evaluation.Result r : new Evaluation(agent, user).run(mine, x -> {})) {
      exact.put(r.item().id(), r.outcome() == Outcome.EXACT);
      if (Thread.currentThread().isInterrupted()) {
        break; // the loop sees the interruption and promotes nothing
      }
    }
    return KindScores.of(asked, exact);
  }
}
