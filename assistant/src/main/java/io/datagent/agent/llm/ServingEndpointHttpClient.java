package io.datagent.agent.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.datagent.platform.PlatformException;
import io.datagent.platform.serving.ServingStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * langchain4j's OpenAI client on a Databricks serving endpoint: its {@code .../chat/completions} request (the same
 * OpenAI chat body, tools and {@code "stream": true} included, less {@code stream_options}) is sent through the
 * platform layer's {@link ServingStream} (the SDK's HTTP client and auth), and the body it returns is parsed as
 * langchain4j's own client would. An HTTP error becomes langchain4j's {@link HttpException}, so its exception
 * mapping (rate limit, authentication…) applies as for any OpenAI-compatible server.
 */
final class ServingEndpointHttpClient implements HttpClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExecutorService STREAMS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "datagent-serving-stream");
    t.setDaemon(true);
    return t;
  });

  private final ServingStream stream;
  private final String endpoint;

  private ServingEndpointHttpClient(ServingStream stream, String endpoint) {
    this.stream = stream;
    this.endpoint = endpoint;
  }

  static HttpClientBuilder builder(ServingStream stream, String endpoint) {
    return ChatStreamHttpClient.decorate(HttpClientBuilderLoader.loadHttpClientBuilder(),
        (inner, readTimeout) -> new ServingEndpointHttpClient(stream, endpoint));
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    try (InputStream in = open(request)) {
      return ok(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    STREAMS.execute(() -> {
      InputStream in;
      try {
        in = open(request);
      } catch (RuntimeException e) {
        listener.onError(e);
        return;
      }
      listener.onOpen(ok(null));
      try (in) {
        parser.parse(in, listener);
        listener.onClose();
      } catch (IOException | RuntimeException e) {
        listener.onError(e);
      }
    });
  }

  private InputStream open(HttpRequest request) {
    if (!request.url().endsWith("/chat/completions")) {
      throw new IllegalStateException("only chat completions go to a serving endpoint, not " + request.url());
    }
    try {
      return stream.open(endpoint, withoutStreamOptions(request.body()));
    } catch (PlatformException e) {
      if (e.status() > 0) {
        HttpException h = new HttpException(e.status(), e.getMessage());
        h.initCause(e);
        throw h;
      }
      throw e;
    }
  }

  private static SuccessfulHttpResponse ok(String body) {
    return SuccessfulHttpResponse.builder().statusCode(200).headers(Map.of()).body(body).build();
  }

  /**
   * The body without {@code stream_options}: serving endpoints validate the request strictly and reject that field
   * ({@code 400 unknown field "stream_options"}); they report the usage in the stream's chunks without it.
   */
  static String withoutStreamOptions(String body) {
    if (body == null || !body.contains("\"stream_options\"")) {
      return body;
    }
    try {
      JsonNode root = JSON.readTree(body);
      if (root instanceof ObjectNode o && o.remove("stream_options") != null) {
        return JSON.writeValueAsString(o);
      }
      return body;
    } catch (JsonProcessingException e) {
      return body;
    }
  }
}
