package io.datagent.agent;

import java.util.List;

/**
 * One question to the {@link Agent}.
 *
 * @param question the user's text, as typed
 * @param user who asks (e-mail or user name; for traces)
 * @param userToken the user's forwarded on-behalf-of token, or null: when present, SQL runs as that user
 * @param conversationId groups the turns of one conversation (may be null)
 * @param history earlier turns of the conversation, oldest first (may be null or empty)
 */
public record AgentRequest(String question, String user, String userToken, String conversationId, List<Turn> history) {

  public AgentRequest {
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** A single question with no user, token or history (the command line, tests). */
  public static AgentRequest of(String question) {
    return new AgentRequest(question, null, null, null, List.of());
  }
}
