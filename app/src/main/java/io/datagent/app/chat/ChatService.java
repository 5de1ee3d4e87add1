package io.datagent.app.chat;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.Turn;
import io.datagent.app.Refusal;
import io.datagent.app.state.ConversationStore;
import io.datagent.app.state.JsonCodec;
import io.datagent.app.state.StateException;
import io.datagent.app.state.StoredMessage;
import io.datagent.app.trace.QuestionTrace;
import io.datagent.app.trace.TraceExporter;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One question from a user: checks it, gives the agent the conversation so far, records the exchange and its trace
 * in one transaction, exports the trace. A failing agent or state database degrades the answer, never the request.
 */
public final class ChatService {

  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

  /** Bounds: question length, turns of history given to the agent, rows kept, questions answered at once. */
  public record Limits(int maxQuestionChars, int historyTurns, int maxRows, int maxConcurrent) {
    public static Limits defaults() {
      return new Limits(2000, 10, 500, 64);
    }

    /**
     * Questions answered at once. When an answer mostly waits on something else (an LLM endpoint, a SQL warehouse,
     * a serving endpoint: the Databricks App, or any App with an LLM), {@code waiting} of them run together and the
     * services' own limits are the real bound. When every step runs in this process ({@code inProcess}: the local
     * App without an LLM, whose search, SQL and rendering are all CPU work), more than twice the cores at once only
     * stretches every answer (32 answers sharing 2 cores each take 16 times longer, the slowest far longer), so the
     * rest wait their turn in arrival order.
     */
    public static int concurrentAnswers(boolean inProcess, int waiting) {
      return inProcess ? Math.max(2, 2 * Runtime.getRuntime().availableProcessors()) : waiting;
    }
  }

  /** An answer, and the JSON the API returns for it (the same text the conversation history stores). */
  public record Reply(AnswerView view, String json) {}

  private final Agent agent;
  private final ConversationStore conversations;
  private final TraceExporter exporter;
  private final Limits limits;
  private final Clock clock;
  private final Semaphore inFlight;
  private final JsonCodec json;

  public ChatService(Agent agent, ConversationStore conversations, TraceExporter exporter, Limits limits, Clock clock) {
    this.json = conversations.json();
    this.agent = agent;
    this.conversations = conversations;
    this.exporter = exporter;
    this.limits = limits;
    this.clock = clock;
    // Fair: questions waiting for a slot are served in arrival order, so a burst delays each by about the same.
    this.inFlight = new Semaphore(limits.maxConcurrent(), true);
  }

  public Limits limits() {
    return limits;
  }

  /**
   * A conversation to answer in.
   *
   * @param fresh true for a new conversation (its row is written with the first exchange, and it has no history)
   */
  public record Conversation(UUID id, boolean fresh) {}

  /** Checks the question and the conversation before any work (so a stream can refuse with a status code). */
  public Conversation prepare(String user, String question, UUID conversationId) {
    String q = question == null ? "" : question.strip();
    if (q.isEmpty()) {
      throw Refusal.invalid("Escribe una pregunta.");
    }
    if (q.length() > limits.maxQuestionChars()) {
      throw new Refusal(Refusal.Kind.TOO_LARGE, "La pregunta es demasiado larga (" + q.length() + " caracteres; el máximo es "
          + limits.maxQuestionChars() + ").");
    }
    if (conversationId == null) {
      return new Conversation(UUID.randomUUID(), true);
    }
    if (!conversations.owner(conversationId).map(user::equals).orElse(false)) {
      throw Refusal.notFound("No existe esa conversación.");
    }
    return new Conversation(conversationId, false);
  }

  /** Answers {@code question} in conversation {@code conversationId} (from {@link #prepare}). */
  public AnswerView answer(String user, String userToken, String question, Conversation conversation, AnswerListener listener) {
    return reply(user, userToken, question, conversation, listener).view();
  }

  /**
   * Answers and records, serialising the answer once: the JSON stored in the history is the JSON returned (an answer
   * of a few hundred rows is tens of kilobytes; writing it twice was a visible share of the App's CPU).
   */
  public Reply reply(String user, String userToken, String question, Conversation conversation, AnswerListener listener) {
    String q = question.strip();
    UUID conversationId = conversation.id();
    acquire();
    long t0 = System.nanoTime();
    AgentAnswer a;
    try {
      List<Turn> history = conversation.fresh() ? List.of() : history(conversationId);
      a = agent.answer(new AgentRequest(q, user, userToken, conversationId.toString(), history), listener);
    } catch (RuntimeException e) {
      LOG.error("agent failed on a question of {}", user, e);
      a = new AgentAnswer("No pude responder ahora por un error interno. Prueba de nuevo en un momento.", AgentAnswer.REFUSED,
          List.of(), List.of(), null, null, List.of(), 0, 0, 0, e.toString());
    } finally {
      inFlight.release();
    }
    long latency = a.latencyMs() > 0 ? a.latencyMs() : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    UUID traceId = UUID.randomUUID();
    QuestionTrace trace = new QuestionTrace(traceId, clock.instant(), user, conversationId, q, a.answer(), a.mode(), a.sql(),
        a.toolCalls(), a.sources(), latency, a.promptTokens(), a.completionTokens(), a.error(), a.promptVersion());
    AnswerView view = AnswerView.of(traceId, conversationId, a, latency, limits.maxRows(), true);
    String body = json.write(view);
    try {
      conversations.recordExchangeJson(trace, body);
    } catch (StateException e) {
      LOG.error("could not record trace {}", traceId, e);
      view = view.notStored();
      body = json.write(view);
    }
    exporter.export(trace);
    return new Reply(view, body);
  }

  private List<Turn> history(UUID conversationId) {
    try {
      List<StoredMessage> last = conversations.messages(conversationId, limits.historyTurns() * 2);
      return last.stream().map(m -> new Turn(m.role(), m.content())).toList();
    } catch (StateException e) {
      return List.of();
    }
  }

  private void acquire() {
    try {
      if (!inFlight.tryAcquire(10, TimeUnit.SECONDS)) {
        throw new Refusal(Refusal.Kind.BUSY, "Hay muchas preguntas en curso; prueba de nuevo en unos segundos.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Refusal(Refusal.Kind.BUSY, "Pregunta interrumpida.");
    }
  }
}
