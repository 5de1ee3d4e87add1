package io.datagent.agent.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.List;

/**
 * One chat call that nobody watches (an evaluation judge): a system and a user message in, the whole reply text and
 * its token counts out, on the same client as the agent ({@link ChatModels}: an OpenAI-compatible server or a
 * Databricks serving endpoint through the platform layer).
 *
 * <p>NOTE: sends once and never retries; the caller decides what a failure means ({@link #status} tells a 429 from
 * a 500).
 */
public final class Completion {

  /** The reply's text and the tokens it cost (0 when the server did not report them). */
  public record Reply(String text, int promptTokens, int completionTokens) {}

  private final StreamingChatModel model;
  private final Duration patience;
  private final String modelName;

  private Completion(StreamingChatModel model, Duration timeout, String modelName) {
    this.model = model;
    this.patience = timeout.multipliedBy(2).plusSeconds(1);
    this.modelName = modelName;
  }

  public static Completion of(LlmConfig config) {
    return new Completion(ChatModels.model(config), config.timeout(), config.model());
  }

  /** The model's (or serving endpoint's) name. */
  public String modelName() {
    return modelName;
  }

  /** Sends one request; throws what the call failed with (langchain4j's mapped exceptions). */
  public Reply complete(String system, String user) {
    ChatRequest request = ChatRequest.builder().messages(List.of(SystemMessage.from(system), UserMessage.from(user))).build();
    ChatResponse r = ChatStream.chat(model, request, patience, text -> {});
    var usage = r.tokenUsage();
    return new Reply(r.aiMessage() == null ? null : r.aiMessage().text(),
        usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
  }

  /** The HTTP status a failed call carried (429, 500…), or 0 when it failed otherwise (timeout, refused connection). */
  public static int status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h) {
        return h.statusCode();
      }
    }
    return 0;
  }
}
