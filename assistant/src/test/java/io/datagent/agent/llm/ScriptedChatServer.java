package io.datagent.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback OpenAI-compatible chat server that plays a script: each request gets the next scripted reply. Text
 * answers and tool calls are streamed as OpenAI streams them ({@code data: } chunks of {@code chat.completion.chunk}
 * with {@code choices[0].delta}, a tool call's arguments split across chunks, a last chunk with the {@code usage},
 * then {@code data: [DONE]}); a reply can also be a plain JSON body, an HTTP error, a delay, a stream cut midway
 * (the connection drops), a stream that ends early, stalls, or carries a malformed chunk. It records each request's
 * path, Authorization header and JSON body.
 */
final class ScriptedChatServer implements AutoCloseable {

  /** A piece of a response body, written after a pause. */
  record Part(String text, long pauseMs) {}

  /**
   * @param cut whether the connection drops after the parts (the body promised more bytes than it sends)
   */
  record Reply(int status, String contentType, List<Part> parts, long delayMs, boolean cut) {}

  record Received(String path, String authorization, JsonNode body) {}

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SSE = "text/event-stream";

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
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
        r = json(500, "{\"error\":{\"message\":\"script exhausted\"}}", 0);
      }
      pause(r.delayMs());
      exchange.getResponseHeaders().add("Content-Type", r.contentType());
      try {
        int total = r.parts().stream().mapToInt(p -> bytes(p.text()).length).sum();
        // a stream is chunked; a cut body promises more than it sends, so the client sees the connection drop
        exchange.sendResponseHeaders(r.status(), r.cut() ? total + 4096 : SSE.equals(r.contentType()) ? 0 : total);
        OutputStream out = exchange.getResponseBody();
        for (Part p : r.parts()) {
          pause(p.pauseMs());
          out.write(bytes(p.text()));
          out.flush();
        }
        exchange.close();
      } catch (IOException e) {
        // the client gave up (timeout tests), or the cut body was closed short on purpose
        exchange.close();
      }
    });
    // what the Databricks SDK asks a workspace before its first call (host metadata, OIDC discovery): not chat
    for (String path : new String[] {"/.well-known", "/oidc"}) {
      server.createContext(path, exchange -> {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
      });
    }
    server.setExecutor(pool);
    server.start();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  String host() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  // ---- scripted replies

  /** A streamed tool call: the name in the first chunk, the arguments split over the next three. */
  ScriptedChatServer toolCall(String name, String arguments) {
    List<String> events = new ArrayList<>(List.of(roleChunk()));
    events.addAll(toolCallChunks(name, arguments));
    events.addAll(ending("tool_calls"));
    return sse(events, false);
  }

  /** A streamed text answer, a few words per chunk. */
  ScriptedChatServer text(String content) {
    List<String> events = new ArrayList<>(List.of(roleChunk()));
    events.addAll(textChunks(content));
    events.addAll(ending("stop"));
    return sse(events, false);
  }

  /** Streamed text ("let me look that up"), then a streamed tool call in the same reply. */
  ScriptedChatServer textThenToolCall(String text, String name, String arguments) {
    List<String> events = new ArrayList<>(List.of(roleChunk()));
    events.addAll(textChunks(text));
    events.addAll(toolCallChunks(name, arguments));
    events.addAll(ending("tool_calls"));
    return sse(events, false);
  }

  /** The first {@code chunks} text chunks of an answer, then the connection drops. */
  ScriptedChatServer textCutAfter(String content, int chunks) {
    List<String> events = new ArrayList<>(List.of(roleChunk()));
    events.addAll(textChunks(content).subList(0, chunks));
    return sse(events, true);
  }

  /** The first {@code chunks} text chunks of an answer, then the body ends cleanly: no finish reason, no [DONE]. */
  ScriptedChatServer textEndingAfter(String content, int chunks) {
    List<String> events = new ArrayList<>(List.of(roleChunk()));
    events.addAll(textChunks(content).subList(0, chunks));
    return sse(events, false);
  }

  /** An answer whose stream pauses {@code stallMs} after {@code chunks} text chunks. */
  ScriptedChatServer textStallingAfter(String content, int chunks, long stallMs) {
    List<String> text = textChunks(content);
    List<Part> parts = new ArrayList<>();
    parts.add(new Part(event(roleChunk()), 0));
    text.subList(0, chunks).forEach(c -> parts.add(new Part(event(c), 0)));
    parts.add(new Part(event(text.get(chunks)), stallMs));
    text.subList(chunks + 1, text.size()).forEach(c -> parts.add(new Part(event(c), 0)));
    ending("stop").forEach(c -> parts.add(new Part(event(c), 0)));
    script.add(new Reply(200, SSE, parts, 0, false));
    return this;
  }

  /** An answer with a malformed chunk after {@code chunks} text chunks (the rest of the stream is fine). */
  ScriptedChatServer textWithMalformedChunkAfter(String content, int chunks) {
    List<String> text = textChunks(content);
    List<String> events = new ArrayList<>(List.of(roleChunk()));
    events.addAll(text.subList(0, chunks));
    events.add("{\"id\": \"chatcmpl-test\", \"choices\": [ {\"delta\": ");
    events.addAll(text.subList(chunks, text.size()));
    events.addAll(ending("stop"));
    return sse(events, false);
  }

  /** A whole chat completion as one JSON body (a server that ignores {@code "stream": true}). */
  ScriptedChatServer jsonText(String content) {
    ObjectNode msg = JSON.createObjectNode().put("role", "assistant").put("content", content);
    script.add(json(200, completion(msg, "stop"), 0));
    return this;
  }

  /** A tool call as one JSON chat completion (a server that ignores {@code "stream": true}). */
  ScriptedChatServer jsonToolCall(String name, String arguments) {
    ObjectNode msg = JSON.createObjectNode().put("role", "assistant");
    msg.putNull("content");
    msg.putArray("tool_calls").addObject().put("id", "call_" + script.size()).put("type", "function")
        .putObject("function").put("name", name).put("arguments", arguments);
    script.add(json(200, completion(msg, "tool_calls"), 0));
    return this;
  }

  /** Any status and body, sent as JSON after a delay. */
  ScriptedChatServer reply(int status, String body, long delayMs) {
    script.add(json(status, body, delayMs));
    return this;
  }

  private static Reply json(int status, String body, long delayMs) {
    return new Reply(status, "application/json", List.of(new Part(body, 0)), delayMs, false);
  }

  private ScriptedChatServer sse(List<String> events, boolean cut) {
    script.add(new Reply(200, SSE, events.stream().map(e -> new Part(event(e), 0)).toList(), 0, cut));
    return this;
  }

  private static String event(String data) {
    return "data: " + data + "\n\n";
  }

  // ---- OpenAI chat.completion.chunk JSON

  private static ObjectNode chunk() {
    return JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
        .put("created", 1_700_000_000L).put("model", "test-model");
  }

  private static String deltaChunk(ObjectNode delta, String finish) {
    ObjectNode root = chunk();
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return root.toString();
  }

  private static String roleChunk() {
    return deltaChunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null);
  }

  /** The content in pieces of one word (with the whitespace after it). */
  static List<String> pieces(String content) {
    return Arrays.asList(content.split("(?<=\\s)(?=\\S)"));
  }

  private static List<String> textChunks(String content) {
    return pieces(content).stream().map(p -> deltaChunk(JSON.createObjectNode().put("content", p), null)).toList();
  }

  private List<String> toolCallChunks(String name, String arguments) {
    List<String> out = new ArrayList<>();
    ObjectNode first = JSON.createObjectNode();
    ArrayNode calls = first.putArray("tool_calls");
    calls.addObject().put("index", 0).put("id", "call_" + script.size()).put("type", "function")
        .putObject("function").put("name", name).put("arguments", "");
    out.add(deltaChunk(first, null));
    int n = arguments.length();
    int[] cuts = {0, n / 3, 2 * n / 3, n};
    for (int i = 0; i < 3; i++) {
      ObjectNode delta = JSON.createObjectNode();
      delta.putArray("tool_calls").addObject().put("index", 0).putObject("function")
          .put("arguments", arguments.substring(cuts[i], cuts[i + 1]));
      out.add(deltaChunk(delta, null));
    }
    return out;
  }

  /** The finish chunk, the usage chunk (no choices, as OpenAI sends it with include_usage) and [DONE]. */
  private static List<String> ending(String finish) {
    ObjectNode usage = chunk();
    usage.putArray("choices");
    usage.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    return List.of(deltaChunk(JSON.createObjectNode(), finish), usage.toString(), "[DONE]");
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
    pool.shutdownNow();
  }
}
