package io.datagent.agent;

/**
 * The business-data agent: answers one question in Spanish over the documented tables, with the SQL it ran and the
 * sources it used.
 *
 * <p>Implementations: {@link io.datagent.agent.llm.LlmAgent} (an OpenAI-compatible chat model calling tools) and
 * {@link io.datagent.agent.extractive.ExtractiveAgent} (no model: quotes the best matching rows verbatim). Build
 * the right one with {@link AgentFactory}.
 *
 * <p>NOTE: never throws for user input (empty, huge, hostile questions, SQL the guard refuses, a model or
 * warehouse that is down); such cases come back as an answer whose {@code mode} is {@code refused} or whose
 * {@code notice}/{@code error} is set.
 */
public interface Agent {

  AgentAnswer answer(AgentRequest request, AnswerListener listener);
}
