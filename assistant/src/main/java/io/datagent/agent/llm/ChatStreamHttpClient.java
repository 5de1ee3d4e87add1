package io.datagent.agent.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParsingHandle;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Guards the streamed chat completions of langchain4j's OpenAI client (it decorates the HTTP client, for an
 * OpenAI-compatible server and for a Databricks serving endpoint alike):
 *
 * <ul>
 *   <li>an idle timeout: the JDK client's timeout covers only the wait for the response headers, so a stream that
 *       then sends no byte for the read timeout is closed and reported as a {@link TimeoutException};</li>
 *   <li>a stream that ends with neither {@code data: [DONE]} nor a {@code finish_reason} was cut short: it is
 *       reported as an {@link IncompleteStreamException} (langchain4j would complete it as if it were whole);</li>
 *   <li>a server that ignores {@code "stream": true} and answers one JSON chat completion has it replayed as
 *       stream chunks, so the answer still arrives (in one piece).</li>
 * </ul>
 */
final class ChatStreamHttpClient implements HttpClient {

  /** The stream ended before the model finished (no {@code [DONE]}, no {@code finish_reason}). */
  static final class IncompleteStreamException extends RuntimeException {
    IncompleteStreamException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "datagent-llm-stream-watchdog");
    t.setDaemon(true);
    return t;
  });

  private final HttpClient delegate;
  private final Duration idleTimeout;

  ChatStreamHttpClient(HttpClient delegate, Duration idleTimeout) {
    this.delegate = delegate;
    this.idleTimeout = idleTimeout;
  }

  /** A builder of this client over the clients {@code inner} builds (the idle timeout is the read timeout). */
  static HttpClientBuilder builder(HttpClientBuilder inner) {
    return decorate(inner, ChatStreamHttpClient::new);
  }

  /**
   * A builder that passes the timeouts to {@code inner} and decorates the client it builds.
   *
   * @param decorator the decorated client, from the inner client and the read timeout
   */
  static HttpClientBuilder decorate(HttpClientBuilder inner, BiFunction<HttpClient, Duration, HttpClient> decorator) {
    return new HttpClientBuilder() {
      @Override
      public Duration connectTimeout() {
        return inner.connectTimeout();
      }

      @Override
      public HttpClientBuilder connectTimeout(Duration timeout) {
        inner.connectTimeout(timeout);
        return this;
      }

      @Override
      public Duration readTimeout() {
        return inner.readTimeout();
      }

      @Override
      public HttpClientBuilder readTimeout(Duration timeout) {
        inner.readTimeout(timeout);
        return this;
      }

      @Override
      public HttpClient build() {
        return decorator.apply(inner.build(), inner.readTimeout());
      }
    };
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    return delegate.execute(request);
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    delegate.execute(request, new GuardedParser(parser), listener);
  }

  /** Parses one response body with the inner parser, under the idle timeout, and checks that it ended whole. */
  private final class GuardedParser implements ServerSentEventParser {

    private final ServerSentEventParser inner;

    GuardedParser(ServerSentEventParser inner) {
      this.inner = inner;
    }

    @Override
    public void parse(InputStream body, ServerSentEventListener listener) {
      IdleStream idle = new IdleStream(body, idleTimeout);
      Observer seen = new Observer(listener, idle);
      try {
        PushbackInputStream in = new PushbackInputStream(idle, 1);
        int first = firstNonBlank(in);
        if (first == '{') {
          in.unread(first);
          replayCompletion(in, seen);
        } else {
          if (first >= 0) {
            in.unread(first);
          }
          inner.parse(in, seen);
        }
      } catch (IOException e) {
        seen.onError(e);
      } catch (RuntimeException e) {
        seen.onError(e);
      } finally {
        idle.stopWatching();
      }
      if (!seen.failed && !seen.done && !seen.finished) {
        seen.onError(new IncompleteStreamException("the chat completion stream ended before the model finished"));
      }
    }
  }

  private static int firstNonBlank(InputStream in) throws IOException {
    int b;
    do {
      b = in.read();
    } while (b == ' ' || b == '\t' || b == '\r' || b == '\n');
    return b;
  }

  /**
   * A whole (non-streamed) chat completion, replayed as chunks: one per tool call (langchain4j's streaming response
   * builder reads one tool call per chunk), then the text with the finish reason and the usage, then {@code [DONE]}.
   */
  private static void replayCompletion(InputStream in, ServerSentEventListener listener) throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    JsonNode root = JSON.readTree(text);
    JsonNode choice = root.path("choices").path(0);
    if (!choice.path("message").isObject()) {
      throw JsonMappingException.from((com.fasterxml.jackson.core.JsonParser) null,
          "not a chat completion: " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
    }
    JsonNode message = choice.path("message");
    ServerSentEventContext context = new ServerSentEventContext(new DefaultServerSentEventParsingHandle(in));
    ObjectNode base = ((ObjectNode) root).deepCopy();
    base.remove("choices");
    base.remove("usage");
    base.put("object", "chat.completion.chunk");
    int i = 0;
    for (JsonNode call : message.path("tool_calls")) {
      ObjectNode chunk = base.deepCopy();
      ObjectNode delta = chunk.putArray("choices").addObject().put("index", 0).putObject("delta");
      ObjectNode c = call.deepCopy();
      c.put("index", i++);
      delta.putArray("tool_calls").add(c);
      listener.onEvent(new ServerSentEvent(null, chunk.toString()), context);
    }
    ObjectNode chunk = base.deepCopy();
    ObjectNode last = chunk.putArray("choices").addObject().put("index", 0);
    ObjectNode delta = last.putObject("delta");
    delta.put("role", message.path("role").asText("assistant"));
    if (message.path("content").isTextual()) {
      delta.put("content", message.path("content").asText());
    }
    last.set("finish_reason", choice.path("finish_reason").isMissingNode() ? null : choice.get("finish_reason"));
    if (root.has("usage")) {
      chunk.set("usage", root.get("usage"));
    }
    listener.onEvent(new ServerSentEvent(null, chunk.toString()), context);
    listener.onEvent(new ServerSentEvent(null, "[DONE]"), context);
  }

  /** Passes events on, noting whether the stream said it was done and whether an error was reported. */
  private static final class Observer implements ServerSentEventListener {

    private final ServerSentEventListener listener;
    private final IdleStream idle;
    volatile boolean done;
    volatile boolean finished;
    volatile boolean failed;

    Observer(ServerSentEventListener listener, IdleStream idle) {
      this.listener = listener;
      this.idle = idle;
    }

    @Override
    public void onOpen(SuccessfulHttpResponse response) {
      listener.onOpen(response);
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
      observe(event);
      listener.onEvent(event, context);
    }

    @Override
    public void onEvent(ServerSentEvent event) {
      observe(event);
      listener.onEvent(event);
    }

    private void observe(ServerSentEvent event) {
      String data = event.data();
      if (data == null) {
        return;
      }
      if ("[DONE]".equals(data.strip())) {
        done = true;
      } else if (!finished && data.contains("finish_reason")) {
        try {
          for (JsonNode choice : JSON.readTree(data).path("choices")) {
            if (choice.path("finish_reason").isTextual() && !choice.path("finish_reason").asText().isEmpty()) {
              finished = true;
            }
          }
        } catch (JsonProcessingException e) {
          // a malformed chunk: langchain4j reports it
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      if (failed) {
        return;
      }
      failed = true;
      listener.onError(idle.timedOut()
          ? new TimeoutException("the model sent nothing for " + idle.timeout.toSeconds() + " s in the middle of its answer", throwable)
          : throwable);
    }

    @Override
    public void onClose() {
      listener.onClose();
    }
  }

  /** The response body, closed by a watchdog when no byte arrives for the timeout (which unblocks the reader). */
  private static final class IdleStream extends FilterInputStream {

    final Duration timeout;
    private volatile long lastRead = System.nanoTime();
    private volatile boolean timedOut;
    private final ScheduledFuture<?> watch;

    IdleStream(InputStream in, Duration timeout) {
      super(in);
      this.timeout = timeout;
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        watch = null;
      } else {
        long period = Math.max(20, Math.min(1000, timeout.toMillis() / 4));
        watch = WATCHDOG.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
      }
    }

    private void check() {
      if (System.nanoTime() - lastRead > timeout.toNanos()) {
        timedOut = true;
        stopWatching();
        try {
          in.close();
        } catch (IOException | RuntimeException e) {
          // the reader fails either way
        }
      }
    }

    boolean timedOut() {
      return timedOut;
    }

    void stopWatching() {
      if (watch != null) {
        watch.cancel(false);
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      lastRead = System.nanoTime();
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      lastRead = System.nanoTime();
      return n;
    }
  }
}
