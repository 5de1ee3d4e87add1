package io.datagent.agent.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.datagent.agent.databricks.DatabricksApiException;
import io.datagent.agent.databricks.DatabricksWorkspace;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points langchain4j's OpenAI client at a Databricks serving endpoint: {@code .../chat/completions} becomes
 * {@code {host}/serving-endpoints/{name}/invocations} (the body is the same OpenAI chat format, tools included),
 * and each request carries a fresh bearer token of the workspace (OAuth M2M tokens expire).
 */
final class ServingEndpointHttpClient implements HttpClient {

  private final HttpClient delegate;
  private final DatabricksWorkspace workspace;
  private final String invocations;

  private ServingEndpointHttpClient(HttpClient delegate, DatabricksWorkspace workspace, String endpoint) {
    this.delegate = delegate;
    this.workspace = workspace;
    this.invocations = workspace.http().host() + "/serving-endpoints/" + endpoint + "/invocations";
  }

  static HttpClientBuilder builder(DatabricksWorkspace workspace, String endpoint) {
    HttpClientBuilder inner = HttpClientBuilderLoader.loadHttpClientBuilder();
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
        return new ServingEndpointHttpClient(inner.build(), workspace, endpoint);
      }
    };
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
    return HttpRequest.builder().method(request.method()).url(invocations).headers(headers).body(request.body()).build();
  }
}
