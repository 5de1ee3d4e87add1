package io.datagent.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A loopback OpenAI-compatible chat server that plays a script: each request gets the next scripted reply (a tool
 * call, a text answer, an HTTP error, a malformed body, a delay). It records each request's path, Authorization
 * header and JSON body.
 */
final class ScriptedChatServer implements AutoCloseable {

  record Reply(int status, String body, long delayMs) {}

  record Received(String path, String authorization, JsonNode body) {}

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
  final List<Received> received = new ArrayList<>();

  ScriptedChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] in = exchange.getRequestBody().readAllBytes();
      synchronized (received) {
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
            JSON.readTree(new String(in, StandardCharsets.UTF_8))));
      }
      Reply r = script.poll();
      if (r == null) {
        r = new Reply(500, "{\"error\":{\"message\":\"script exhausted\"}}", 0);
      }
      try {
        Thread.sleep(r.delayMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      try {
        exchange.sendResponseHeaders(r.status(), out.length);
        exchange.getResponseBody().write(out);
      } catch (IOException e) {
        // the client gave up (timeout test)
      }
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  String host() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  ScriptedChatServer toolCall(String name, String arguments) {
    ObjectNode msg = JSON.createObjectNode().put("role", "assistant");
    msg.putNull("content");
    ArrayNode calls = msg.putArray("tool_calls");
    calls.addObject().put("id", "call_" + script.size()).put("type", "function")
        .putObject("function").put("name", name).put("arguments", arguments);
    script.add(new Reply(200, completion(msg, "tool_calls"), 0));
    return this;
  }

  ScriptedChatServer text(String content) {
    ObjectNode msg = JSON.createObjectNode().put("role", "assistant").put("content", content);
    script.add(new Reply(200, completion(msg, "stop"), 0));
    return this;
  }

  ScriptedChatServer reply(int status, String body, long delayMs) {
    script.add(new Reply(status, body, delayMs));
    return this;
  }

  private static String completion(ObjectNode message, String finish) {
    ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion")
        .put("created", 1_700_000_000L).put("model", "test-model");
    root.putArray("choices").addObject().put("index", 0).put("finish_reason", finish).set("message", message);
    root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    return root.toString();
  }

  /** The messages of the n-th request, as text (to check what the model was told). */
  String messages(int n) {
    return received.get(n).body().path("messages").toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
