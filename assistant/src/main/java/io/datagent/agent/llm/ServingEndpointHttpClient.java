package io.datagent.agent.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.datagent.agent.databricks.DatabricksApiException;
import io.datagent.agent.databricks.DatabricksWorkspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points langchain4j's OpenAI client at a Databricks serving endpoint: {@code .../chat/completions} becomes
 * {@code {host}/serving-endpoints/{name}/invocations} (the body is the same OpenAI chat format, tools and
 * {@code "stream": true} included, less {@code stream_options}), and each request carries a fresh bearer token of the
 * workspace (OAuth M2M tokens expire). Streamed answers come back as the same {@code data:} chunks as OpenAI's.
 */
final class ServingEndpointHttpClient implements HttpClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient delegate;
  private final DatabricksWorkspace workspace;
  private final String invocations;

  private ServingEndpointHttpClient(HttpClient delegate, DatabricksWorkspace workspace, String endpoint) {
    this.delegate = delegate;
    this.workspace = workspace;
    this.invocations = workspace.http().host() + "/serving-endpoints/" + endpoint + "/invocations";
  }

  static HttpClientBuilder builder(DatabricksWorkspace workspace, String endpoint) {
    return ChatStreamHttpClient.decorate(HttpClientBuilderLoader.loadHttpClientBuilder(),
        (inner, readTimeout) -> new ServingEndpointHttpClient(inner, workspace, endpoint));
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    return delegate.execute(rewrite(request));
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    delegate.execute(rewrite(request), parser, listener);
  }

  private HttpRequest rewrite(HttpRequest request) {
    if (!request.url().endsWith("/chat/completions")) {
      throw new IllegalStateException("only chat completions go to a serving endpoint, not " + request.url());
    }
    String token;
    try {
      token = workspace.token().get();
    } catch (DatabricksApiException e) {
      throw new IllegalStateException("no Databricks token for the serving endpoint: " + e.getMessage(), e);
    }
    Map<String, List<String>> headers = new HashMap<>(request.headers());
    headers.put("Authorization", List.of("Bearer " + token));
    return HttpRequest.builder().method(request.method()).url(invocations).headers(headers).body(withoutStreamOptions(request.body()))
        .build();
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
