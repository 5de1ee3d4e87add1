package io.datagent.evaluation;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.QueryResult;
import io.datagent.evaluation.judge.Judges;
import io.datagent.evaluation.judge.Judgment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs benchmark items through an {@link Agent} (the same one the App answers with), one at a time, and scores
 * each answer. Items flagged by {@link GroundTruth} are never asked; they travel in the report with their reason.
 */
public final class Evaluation {

  /**
   * One scored answer.
   *
   * @param sqlValid the agent ran at least one SQL (past the guard) and got rows back
   * @param promptTokens tokens sent to a model (0 when no model answered)
   * @param cost US dollars the tokens cost by the {@link Pricing}
   * @param promptVersion the registry prompt version that answered, or null
   * @param numbers the numbers of the prose found in the rows and sources ({@link NumbersInRows}, no model needed)
   * @param judgment the LLM judges' verdicts ({@link Judges}; not run without a model), their tokens and cost apart
   *     from the agent's
   */
  public record Result(BenchmarkItem item, Outcome outcome, long millis, String mode, String answer, List<String> sql,
      boolean sqlValid, int promptTokens, int completionTokens, double cost, Integer promptVersion, NumbersInRows numbers,
      Judgment judgment) {

    public Result {
      numbers = numbers == null ? NumbersInRows.NONE : numbers;
      judgment = judgment == null ? Judgment.NOT_RUN : judgment;
    }

    public Result(BenchmarkItem item, Outcome outcome, long millis, String mode, String answer, List<String> sql,
        boolean sqlValid, int promptTokens, int completionTokens, double cost, Integer promptVersion) {
      this(item, outcome, millis, mode, answer, sql, sqlValid, promptTokens, completionTokens, cost, promptVersion, null, null);
    }

    public Result(BenchmarkItem item, Outcome outcome, long millis, String mode, String answer, List<String> sql) {
      this(item, outcome, millis, mode, answer, sql, !sql.isEmpty(), 0, 0, 0, null);
    }

    /** Not declined: the agent asserted something (right or wrong). */
    public boolean answered() {
      return outcome != Outcome.DECLINED && !AgentAnswer.REFUSED.equals(mode);
    }
  }

  private final Agent agent;
  private final String user;
  private final Pricing pricing;
  private final Judges judges;

  public Evaluation(Agent agent, String user) {
    this(agent, user, Pricing.NONE);
  }

  public Evaluation(Agent agent, String user, Pricing pricing) {
    this(agent, user, pricing, Judges.DISABLED);
  }

  /** @param judges the LLM judges of free-text answers ({@link Judges#DISABLED} without a model) */
  public Evaluation(Agent agent, String user, Pricing pricing, Judges judges) {
    this.agent = agent;
    this.user = user;
    this.pricing = pricing;
    this.judges = judges;
  }

  /** Asks one question nobody scores, so the measured answers start warm (Spark's first query is slow). */
  public void warmUp(String question) {
    ask(question);
  }

  /**
   * The whole evaluation: runs each {@code sql} item's expected SQL ({@link GroundTruth}), asks every item that is not
   * flagged, and reports; flagged items are listed in the report with their reason, never scored.
   */
  public EvalReport evaluate(List<BenchmarkItem> items, GroundTruth truth, Consumer<Result> progress) {
    List<GroundTruth.Checked> checked = truth.check(items);
    return new EvalReport(runChecked(checked, progress), checked);
  }

  /** Items whose expected answer is written in them (no {@code sql} item: those need {@link #runChecked}). */
  public List<Result> run(List<BenchmarkItem> items, Consumer<Result> progress) {
    return runChecked(items.stream().map(i -> new GroundTruth.Checked(i, null, null)).toList(), progress);
  }

  /** Asks every item that is not flagged and scores it against its written answer or its SQL's rows. */
  public List<Result> runChecked(List<GroundTruth.Checked> items, Consumer<Result> progress) {
    List<Result> out = new ArrayList<>();
    for (GroundTruth.Checked c : items) {
      if (c.flagged()) {
        continue;
      }
      Result r = ask(c.item(), c.rows());
      out.add(r);
      progress.accept(r);
    }
    return out;
  }

  /**
   * One item: the answer, timed (the judges' time is not the agent's latency), its score, the numbers-in-rows check
   * and the judges' verdicts.
   */
  public Result ask(BenchmarkItem item, QueryResult truth) {
    long t0 = System.nanoTime();
    AgentAnswer a = ask(item.question());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    boolean sqlValid = !a.sql().isEmpty() && a.result() != null;
    Judgment j = judges.judge(item.question(), a);
    j = j.withCost(pricing.cost(j.promptTokens(), j.completionTokens()));
    return new Result(item, Scorer.score(item, a, truth), ms, a.mode(), a.answer(), a.sql(), sqlValid, a.promptTokens(),
        a.completionTokens(), pricing.cost(a.promptTokens(), a.completionTokens()), a.promptVersion(),
        NumbersInRows.of(item.question(), a), j);
  }

  private AgentAnswer ask(String question) {
    return agent.answer(new AgentRequest(question, user, null, null, List.of()), new AnswerListener() {});
  }
}
