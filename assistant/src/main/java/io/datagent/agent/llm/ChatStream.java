package io.datagent.agent.llm;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One streamed chat call, consumed on the calling thread. langchain4j calls the handler on its HTTP thread; the
 * events are queued and taken here, so the text pieces reach the caller (and the UI's listener) on the thread that
 * answers. The first of "complete" and "error" ends the call: langchain4j may report an error (a malformed chunk, a
 * cut stream) and then still complete with what it had, which must not count as an answer.
 */
final class ChatStream implements StreamingChatResponseHandler {

  private interface Event {}

  private record Text(String text) implements Event {}

  private record Done(ChatResponse response) implements Event {}

  private record Failed(Throwable error) implements Event {}

  /** A piece of a tool call or of reasoning: nothing to show, but the model is alive. */
  private static final Event PROGRESS = new Event() {};

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile StreamingHandle handle;

  private ChatStream() {}

  /**
   * Sends {@code request} and passes each streamed text piece to {@code onText} until the response is complete.
   *
   * @param patience how long to wait for the next event before giving up (a safety net: the HTTP client's own
   *     timeouts normally end a stalled call first)
   * @throws RuntimeException what the call failed with (langchain4j's mapped exceptions: rate limit, timeout, ...)
   */
  static ChatResponse chat(StreamingChatModel model, ChatRequest request, Duration patience, Consumer<String> onText) {
    ChatStream stream = new ChatStream();
    model.chat(request, stream);
    return stream.await(patience, onText);
  }

  private ChatResponse await(Duration patience, Consumer<String> onText) {
    while (true) {
      Event e;
      try {
        e = events.poll(patience.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        end();
        throw new LangChain4jException("interrupted while the model was answering", ie);
      }
      if (e == null) {
        end();
        throw new TimeoutException("the model sent nothing for " + patience.toSeconds() + " s");
      }
      if (e instanceof Text t) {
        onText.accept(t.text());
      } else if (e instanceof Done d) {
        return d.response();
      } else if (e instanceof Failed f) {
        throw f.error() instanceof RuntimeException r ? r : new LangChain4jException(f.error());
      }
    }
  }

  /** Stops listening and closes the stream if it is still open. */
  private void end() {
    ended.set(true);
    cancel();
  }

  private void cancel() {
    StreamingHandle h = handle;
    if (h != null && !h.isCancelled()) {
      try {
        h.cancel();
      } catch (RuntimeException ignored) {
        // closing a stream that broke anyway
      }
    }
  }

  @Override
  public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
    handle = context.streamingHandle();
    if (!ended.get()) {
      events.add(new Text(partial.text()));
    }
  }

  @Override
  public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
    handle = context.streamingHandle();
    if (!ended.get()) {
      events.add(PROGRESS);
    }
  }

  @Override
  public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
    handle = context.streamingHandle();
    if (!ended.get()) {
      events.add(PROGRESS);
    }
  }

  @Override
  public void onCompleteResponse(ChatResponse response) {
    if (ended.compareAndSet(false, true)) {
      events.add(new Done(response));
    }
  }

  @Override
  public void onError(Throwable error) {
    if (ended.compareAndSet(false, true)) {
      events.add(new Failed(error));
      cancel();
    }
  }
}
