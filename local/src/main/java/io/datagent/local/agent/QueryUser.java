package io.datagent.local.agent;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import java.util.function.Supplier;

/**
 * Who the statements run on this thread are for, so {@link SparkSqlExecutor} can limit each user's concurrent
 * queries. The agent runs its tools on the thread that asked ({@code ChatService} calls it synchronously), so the
 * user of the {@link AgentRequest} is set around {@link Agent#answer} by {@link #scoped} and read by the executor;
 * without one (the command line, the App's catalog pages) statements only count in the global limit.
 */
public final class QueryUser {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private QueryUser() {}

  /** The user the current thread runs statements for, or null outside an agent request. */
  public static String current() {
    String u = CURRENT.get();
    return u == null || u.isBlank() ? null : u;
  }

  /** Runs {@code body} with statements counted for {@code user} (null: for no user in particular). */
  public static <T> T as(String user, Supplier<T> body) {
    String previous = CURRENT.get();
    CURRENT.set(user);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The agent, with each request's statements counted for the request's user. */
  public static Agent scoped(Agent agent) {
    return new Agent() {
      @Override
      public AgentAnswer answer(AgentRequest request, AnswerListener listener) {
        return as(request.user(), () -> agent.answer(request, listener));
      }

      @Override
      public String toString() {
        return agent.toString();
      }
    };
  }
}
