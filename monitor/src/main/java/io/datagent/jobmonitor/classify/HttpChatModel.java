package io.datagent.jobmonitor.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A blocking chat-completions client for the monitor's LLM stage: an OpenAI-compatible {@code /chat/completions}
 * server, or a Databricks model serving endpoint ({@code /serving-endpoints/{name}/invocations}, which takes the same
 * body). One request, no streaming, no retry: the LLM stage has a time budget and keeps the rules' answer on failure.
 */
public final class HttpChatModel implements ChatModel {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final String model;
  private final Supplier<String> bearer;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param url the full URL requests are posted to
   * @param model the model name sent in the body (OpenAI-compatible servers need it; serving endpoints ignore it)
   * @param bearer the token for the Authorization header, read per request (null or blank for none)
   */
  public HttpChatModel(URI url, String model, Supplier<String> bearer, Duration timeout) {
    this.url = url;
    this.model = model;
    this.bearer = bearer;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public URI url() {
    return url;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    ObjectNode body = JSON.createObjectNode();
    if (model != null) {
      body.put("model", model);
    }
    body.put("temperature", 0);
    body.put("max_tokens", 600);
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage m : request.messages()) {
      ObjectNode o = messages.addObject();
      if (m instanceof SystemMessage s) {
        o.put("role", "system").put("content", s.text());
      } else if (m instanceof UserMessage u) {
        o.put("role", "user").put("content", u.singleText());
      } else if (m instanceof AiMessage a) {
        o.put("role", "assistant").put("content", a.text());
      } else {
        throw new IllegalArgumentException("unsupported message type " + m.type());
      }
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    String token = bearer == null ? null : bearer.get();
    if (token != null && !token.isBlank()) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> resp;
    try {
      resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.net.http.HttpTimeoutException e) {
      throw new IllegalStateException("chat model did not answer in " + timeout.toSeconds() + " s", e);
    } catch (IOException e) {
      throw new IllegalStateException("chat model unreachable at " + url.getHost() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the chat model", e);
    }
    if (resp.statusCode() / 100 != 2) {
      String b2 = resp.body() == null ? "" : resp.body();
      throw new IllegalStateException("chat model answered HTTP " + resp.statusCode() + ": "
          + (b2.length() > 200 ? b2.substring(0, 200) : b2));
    }
    try {
      JsonNode content = JSON.readTree(resp.body()).path("choices").path(0).path("message").path("content");
      if (!content.isTextual()) {
        throw new IllegalStateException("chat model answer has no choices[0].message.content");
      }
      return ChatResponse.builder().aiMessage(AiMessage.from(content.asText())).build();
    } catch (IOException e) {
      throw new IllegalStateException("chat model answer is not JSON: " + e.getMessage(), e);
    }
  }
}
