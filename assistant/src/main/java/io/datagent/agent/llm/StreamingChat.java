package io.datagent.agent.llm;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The chat model, streamed, with retries: a call that fails before the user saw any of its text (HTTP 429 or 5xx,
 * a timeout, a refused connection, a stream broken while the model was still calling a tool) is sent again after a
 * back-off, up to {@code maxRetries} times, as langchain4j's non-streaming model does. A call that fails after some
 * of its text was shown is not retried (the caller answers otherwise); errors langchain4j marks non-retriable
 * (credentials, a bad request, an unknown model) are not either.
 */
public final class StreamingChat {

  static final long FIRST_BACKOFF_MS = 500;

  private final StreamingChatModel model;
  private final Duration timeout;
  private final int maxRetries;

  /**
   * @param timeout the model's timeout (for the response headers, and between bytes of the stream)
   * @param maxRetries how many times a failed call is sent again
   */
  public StreamingChat(StreamingChatModel model, Duration timeout, int maxRetries) {
    this.model = model;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
  }

  /** The complete response to {@code request}; its text is streamed into {@code live} as it arrives. */
  ChatResponse chat(ChatRequest request, LiveAnswer live) {
    // The HTTP client times out first (headers, then an idle stream); this is the safety net behind it.
    Duration patience = timeout.multipliedBy(2).plusSeconds(1);
    for (int attempt = 0; ; attempt++) {
      try {
        return ChatStream.chat(model, request, patience, live::piece);
      } catch (RuntimeException e) {
        if (!live.isEmpty() || attempt >= maxRetries || e instanceof NonRetriableException) {
          throw e;
        }
        live.discard();
        backOff(attempt);
      }
    }
  }

  private static void backOff(int attempt) {
    long ms = (long) (FIRST_BACKOFF_MS * Math.pow(1.5, attempt));
    try {
      Thread.sleep(ms + ThreadLocalRandom.current().nextLong(ms / 5 + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LangChain4jException("interrupted while waiting to call the model again", e);
    }
  }
}
