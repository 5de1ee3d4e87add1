package io.datagent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.testkit.FakeWorkspace.Reply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Model Serving ({@code POST /serving-endpoints/{name}/invocations}): embeddings for {@code {"input": [...]}}
 * (deterministic vectors from each text's hash, of {@link #dimension} floats), and chat completions for
 * {@code {"messages": [...]}}: scripted texts answered as one JSON completion, or as server-sent events
 * ({@code data:} chunks, then {@code data: [DONE]}) when the request says {@code "stream": true}.
 */
public final class FakeServing {

  private final Map<String, Integer> dimensions = new ConcurrentHashMap<>();
  private final Map<String, Integer> laterDimensions = new ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> embedCalls = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedDeque<Reply>> scripted = new ConcurrentHashMap<>();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();

  public FakeServing dimension(String endpoint, int n) {
    dimensions.put(endpoint, n);
    return this;
  }

  /** After its first embeddings answer, {@code endpoint} answers vectors of {@code n} floats (a model swapped mid-run). */
  public FakeServing dimensionAfterFirstCall(String endpoint, int n) {
    laterDimensions.put(endpoint, n);
    return this;
  }

  /** The next chat call to {@code endpoint} answers {@code text} (streamed when the request streams). */
  public FakeServing reply(String endpoint, String text) {
    scripted.computeIfAbsent(endpoint, k -> new ConcurrentLinkedDeque<>()).add(new Reply(0, "text", text));
    return this;
  }

  /** The next call to {@code endpoint} answers exactly this (status, content type, body). */
  public FakeServing raw(String endpoint, Reply reply) {
    scripted.computeIfAbsent(endpoint, k -> new ConcurrentLinkedDeque<>()).add(reply);
    return this;
  }

  /** The request bodies received, in order. */
  public List<JsonNode> received() {
    return List.copyOf(received);
  }

  void install(FakeWorkspace ws) {
    ws.route("POST", "/serving-endpoints/[^/]+/invocations", (c, b) -> {
      received.add(b);
      String endpoint = c.path().split("/")[2];
      Reply next = scripted.getOrDefault(endpoint, new ConcurrentLinkedDeque<>()).poll();
      if (next != null && next.status() > 0) {
        return next;
      }
      if (b.has("input")) {
        return embeddings(endpoint, b.get("input"));
      }
      String text = next == null ? "respuesta de prueba" : next.body();
      return b.path("stream").asBoolean(false) ? stream(endpoint, text) : Reply.json(completion(endpoint, text).toString());
    });
  }

  private Reply embeddings(String endpoint, JsonNode input) {
    int call = embedCalls.computeIfAbsent(endpoint, k -> new java.util.concurrent.atomic.AtomicInteger()).getAndIncrement();
    int dim = call > 0 && laterDimensions.containsKey(endpoint) ? laterDimensions.get(endpoint) : dimensions.getOrDefault(endpoint, 8);
    ObjectNode out = FakeWorkspace.JSON.createObjectNode().put("object", "list").put("model", endpoint);
    ArrayNode data = out.putArray("data");
    int i = 0;
    for (JsonNode t : input.isArray() ? input : FakeWorkspace.JSON.createArrayNode().add(input)) {
      ArrayNode v = data.addObject().put("object", "embedding").put("index", i++).putArray("embedding");
      long h = t.asText().hashCode();
      for (int d = 0; d < dim; d++) {
        h = h * 6364136223846793005L + 1442695040888963407L;
        v.add(((h >>> 40) % 2000) / 1000.0 - 1.0);
      }
    }
    return Reply.json(out.toString());
  }

  private static ObjectNode completion(String endpoint, String text) {
    ObjectNode out = FakeWorkspace.JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
        .put("model", endpoint).put("created", 1_700_000_000L);
    ObjectNode choice = out.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", text);
    out.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
    return out;
  }

  private static Reply stream(String endpoint, String text) {
    StringBuilder sb = new StringBuilder();
    String[] words = text.split("(?<= )");
    for (int i = 0; i < words.length; i++) {
      ObjectNode chunk = FakeWorkspace.JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
          .put("model", endpoint).put("created", 1_700_000_000L);
      ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
      choice.putObject("delta").put("content", words[i]);
      if (i == words.length - 1) {
        choice.put("finish_reason", "stop");
      } else {
        choice.putNull("finish_reason");
      }
      sb.append("data: ").append(chunk).append("\n\n");
    }
    sb.append("data: [DONE]\n\n");
    return new Reply(200, "text/event-stream", sb.toString());
  }
}
