package io.datagent.agent;

import java.util.List;

/**
 * What the {@link Agent} answers.
 *
 * @param answer the Spanish answer text (Markdown), never null
 * @param mode {@code "llm"}, {@code "semantic"} (no model: the question compiled to one SQL over the table's semantic
 *     model), {@code "trusted"} (an engineer's verified query matched the question), {@code "extractive"} (no model, or the model failed: see {@code notice}) or
 *     {@code "refused"} (the question was empty, too long, or asked for something not allowed)
 * @param sql the guarded SQL statements that ran, in order
 * @param sources tables, files and rows the answer rests on
 * @param result the rows of the last SQL that ran, or null
 * @param notice a Spanish note the UI must show (e.g. "El modelo no está disponible…"), or null
 * @param toolCalls every tool call, in order
 * @param promptTokens tokens sent to the model (0 without a model)
 * @param completionTokens tokens the model produced (0 without a model)
 * @param error a technical error when no useful answer could be given (refusals and internal failures), or null;
 *     a degraded but useful answer (extractive fallback) has a notice and no error
 * @param promptVersion the prompt registry version whose instructions the model answered with; null when no model
 *     answered (no model configured, extractive fallback, refusal) or the instructions came from a file
 */
public record AgentAnswer(
    String answer,
    String mode,
    List<String> sql,
    List<SourceRef> sources,
    QueryResult result,
    String notice,
    List<ToolCallTrace> toolCalls,
    long latencyMs,
    int promptTokens,
    int completionTokens,
    String error,
    Integer promptVersion) {

  public static final String LLM = "llm";
  public static final String EXTRACTIVE = "extractive";
  public static final String SEMANTIC = "semantic";
  /** Answered by an engineer's trusted query ({@code io.datagent.agent.trusted}). */
  public static final String TRUSTED = "trusted";
  public static final String REFUSED = "refused";

  /** An answer no registry prompt took part in. */
  public AgentAnswer(String answer, String mode, List<String> sql, List<SourceRef> sources, QueryResult result,
      String notice, List<ToolCallTrace> toolCalls, long latencyMs, int promptTokens, int completionTokens, String error) {
    this(answer, mode, sql, sources, result, notice, toolCalls, latencyMs, promptTokens, completionTokens, error, null);
  }

  public AgentAnswer {
    sql = sql == null ? List.of() : List.copyOf(sql);
    sources = sources == null ? List.of() : List.copyOf(sources);
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  /** A refusal: {@code reason} is shown to the user (Spanish), {@code error} is a short machine-readable code. */
  public static AgentAnswer refused(String reason, String error, long latencyMs) {
    return new AgentAnswer(reason, REFUSED, List.of(), List.of(), null, null, List.of(), latencyMs, 0, 0, error);
  }

  public AgentAnswer withLatency(long millis) {
    return new AgentAnswer(answer, mode, sql, sources, result, notice, toolCalls, millis, promptTokens, completionTokens, error,
        promptVersion);
  }

  public AgentAnswer withNotice(String newNotice) {
    return new AgentAnswer(answer, mode, sql, sources, result, newNotice, toolCalls, latencyMs, promptTokens, completionTokens,
        error, promptVersion);
  }
}
