package io.datagent.app.trace;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything recorded about one question: who asked, what the agent did (tool calls, SQL, sources), what it answered,
 * how long it took and what it cost. Stored in {@code app.traces} and, where configured, exported to MLflow.
 *
 * @param toolCalls  the agent's tool call traces (serialised as JSON as they are)
 * @param sources    the sources cited (serialised as JSON as they are)
 * @param promptVersion the prompt registry version the model answered with; null when no model answered
 *     ("sin modelo", extractive fallback, refusal) or the instructions came from a file
 */
public record QuestionTrace(
    UUID id,
    Instant createdAt,
    String userEmail,
    UUID conversationId,
    String question,
    String answer,
    String mode,
    List<String> sql,
    List<?> toolCalls,
    List<?> sources,
    long latencyMs,
    int promptTokens,
    int completionTokens,
    String error,
    Integer promptVersion) {

  /** A trace no registry prompt took part in. */
  public QuestionTrace(UUID id, Instant createdAt, String userEmail, UUID conversationId, String question, String answer,
      String mode, List<String> sql, List<?> toolCalls, List<?> sources, long latencyMs, int promptTokens,
      int completionTokens, String error) {
    this(id, createdAt, userEmail, conversationId, question, answer, mode, sql, toolCalls, sources, latencyMs, promptTokens,
        completionTokens, error, null);
  }

  public QuestionTrace {
    sql = sql == null ? List.of() : List.copyOf(sql);
    toolCalls = toolCalls == null ? List.of() : toolCalls;
    sources = sources == null ? List.of() : sources;
  }
}
