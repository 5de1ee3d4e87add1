package io.datagent.app.chat;

import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import io.datagent.agent.SourceRef;
import java.util.List;
import java.util.UUID;

/**
 * An answer as the API returns it and the conversation history keeps it: the text, the SQL behind it, the rows (at
 * most {@code maxRows}), the sources cited and the notices to show.
 *
 * @param traceId null when the answer could not be recorded (then it cannot be rated)
 * @param stored  false when the state database could not record it
 */
public record AnswerView(
    UUID traceId,
    UUID conversationId,
    String answer,
    String mode,
    List<String> sql,
    List<SourceRef> sources,
    QueryResult result,
    String notice,
    String error,
    long latencyMs,
    boolean stored) {

  static AnswerView of(UUID traceId, UUID conversationId, AgentAnswer a, long latencyMs, int maxRows, boolean stored) {
    return new AnswerView(traceId, conversationId, a.answer(), a.mode(), a.sql(), a.sources(), cap(a.result(), maxRows),
        a.notice(), a.error() == null ? null : "No se pudo completar la respuesta.", latencyMs, stored);
  }

  static QueryResult cap(QueryResult r, int maxRows) {
    if (r == null || r.rows().size() <= maxRows) {
      return r;
    }
    return new QueryResult(r.columns(), r.types(), r.rows().subList(0, maxRows), true);
  }

  AnswerView notStored() {
    return new AnswerView(null, conversationId, answer, mode, sql, sources, result,
        notice == null ? "No se pudo guardar esta respuesta en el historial." : notice, error, latencyMs, false);
  }
}
