package io.datagent.app.chat;

import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import io.datagent.agent.SourceRef;
import io.datagent.agent.trusted.TrustedQueryAgent;
import java.util.List;
import java.util.UUID;

/**
 * An answer as the API returns it and the conversation history keeps it: the text, the SQL behind it, the rows (at
 * most {@code maxRows}), the sources cited and the notices to show.
 *
 * @param traceId null when the answer could not be recorded (then it cannot be rated)
 * @param stored  false when the state database could not record it
 * @param trusted the trusted query that answered, with its parameters (editable on the Chat page), or null
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
    boolean stored,
    TrustedRun trusted) {

  /**
   * The trusted query behind a "Consulta verificada" answer: its id, the question pattern with every parameter
   * ({@code "... en {region}"}) and each parameter's name, type (in Spanish) and value as used.
   */
  public record TrustedRun(String id, String pattern, List<Param> params) {

    /** One parameter. */
    public record Param(String name, String type, String value) {}

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Read from the answer's trace of the trusted query ({@link TrustedQueryAgent#TOOL}), or null. */
    static TrustedRun of(AgentAnswer a) {
      if (!AgentAnswer.TRUSTED.equals(a.mode())) {
        return null;
      }
      for (var t : a.toolCalls()) {
        if (TrustedQueryAgent.TOOL.equals(t.tool())) {
          try {
            var n = JSON.readTree(t.arguments());
            List<Param> params = new java.util.ArrayList<>();
            n.path("params").forEach(p -> params.add(new Param(p.path("name").asText(), p.path("type").asText(), p.path("value").asText())));
            return new TrustedRun(n.path("id").asText(), n.path("pattern").isTextual() ? n.path("pattern").asText() : null, params);
          } catch (java.io.IOException e) {
            return null; // the answer stands without editable parameters
          }
        }
      }
      return null;
    }
  }

  static AnswerView of(UUID traceId, UUID conversationId, AgentAnswer a, long latencyMs, int maxRows, boolean stored) {
    return new AnswerView(traceId, conversationId, a.answer(), a.mode(), a.sql(), a.sources(), cap(a.result(), maxRows),
        a.notice(), a.error() == null ? null : "No se pudo completar la respuesta.", latencyMs, stored, TrustedRun.of(a));
  }

  static QueryResult cap(QueryResult r, int maxRows) {
    if (r == null || r.rows().size() <= maxRows) {
      return r;
    }
    return new QueryResult(r.columns(), r.types(), r.rows().subList(0, maxRows), true);
  }

  AnswerView notStored() {
    return new AnswerView(null, conversationId, answer, mode, sql, sources, result,
        notice == null ? "No se pudo guardar esta respuesta en el historial." : notice, error, latencyMs, false, trusted);
  }
}
