package io.datagent.local.eval;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs benchmark items through an {@link Agent}, one at a time, and scores each answer. */
public final class Evaluation {

  /** One scored answer. */
  public record Result(BenchmarkItem item, Outcome outcome, long millis, String mode, String answer, List<String> sql) {}

  private final Agent agent;
  private final String user;

  public Evaluation(Agent agent, String user) {
    this.agent = agent;
    this.user = user;
  }

  /** Asks one question nobody scores, so the measured answers start warm (Spark's first query is slow). */
  public void warmUp(String question) {
    ask(question);
  }

  public List<Result> run(List<BenchmarkItem> items, Consumer<Result> progress) {
    List<Result> out = new ArrayList<>();
    for (BenchmarkItem item : items) {
      long t0 = System.nanoTime();
      AgentAnswer a = ask(item.question());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      Result r = new Result(item, Scorer.score(item, a), ms, a.mode(), a.answer(), a.sql());
      out.add(r);
      progress.accept(r);
    }
    return out;
  }

  private AgentAnswer ask(String question) {
    return agent.answer(new AgentRequest(question, user, null, null, List.of()), new AnswerListener() {});
  }
}
