package io.datagent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OpenAI-compatible chat model that follows two instructions when its system prompt holds them: "Nombra
 * siempre la tabla consultada" (it then names the table it read) and "Responde siempre con una cifra" (it then
 * states a figure even for questions about the future, which it otherwise declines). Requests asking it to rewrite
 * instructions get the scripted rewrites in order.
 */
public final class LoopbackModel implements AutoCloseable {

  public static final String NAME_TABLE = "Nombra siempre la tabla consultada.";
  public static final String ALWAYS_FIGURE = "Responde siempre con una cifra.";

  public final Deque<String> rewrites = new ConcurrentLinkedDeque<>();
  public final AtomicInteger answers = new AtomicInteger();
  public volatile int holdAtAnswer = -1;
  public final CountDownLatch held = new CountDownLatch(1);
  public final CountDownLatch release = new CountDownLatch(1);
  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;

  public LoopbackModel() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      JsonNode req = json.readTree(ex.getRequestBody().readAllBytes());
      String reply = reply(req);
      byte[] out = completion(reply).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "loopback-model");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  public Map<String, String> env() {
    return Map.of("OPENAI_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "OPENAI_API_KEY", "k",
        "DATAGENT_LLM_MODEL", "m", "DATAGENT_LLM_MAX_RETRIES", "0", "DATAGENT_SQL_TIMEOUT_SECONDS", "120");
  }

  public String baseUrl() {
    return env().get("OPENAI_BASE_URL");
  }

  private String reply(JsonNode req) {
    StringBuilder system = new StringBuilder();
    String question = "";
    for (JsonNode m : req.path("messages")) {
      String text = m.path("content").isTextual() ? m.path("content").asText() : m.path("content").toString();
      if (m.path("role").asText().equals("system")) {
        system.append(text);
      } else if (m.path("role").asText().equals("user")) {
        question = text;
      }
    }
    if (question.contains("Reescribe las instrucciones")) {
      String next = rewrites.poll();
      return next == null ? "" : next;
    }
    if (answers.incrementAndGet() == holdAtAnswer) {
      held.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (question.contains("2030")) {
      return system.indexOf(ALWAYS_FIGURE) >= 0 ? "Serán 42 MW." : "No puedo saberlo: los datos no llegan a 2030.";
    }
    return system.indexOf(NAME_TABLE) >= 0 ? "Lo consulté en la tabla potenciainstalada; hay centrales de varios tipos."
        : "Hay centrales de varios tipos.";
  }

  private String completion(String content) {
    ObjectNode root = json.createObjectNode().put("id", "c").put("object", "chat.completion").put("created", 1).put("model", "m");
    ObjectNode msg = json.createObjectNode().put("role", "assistant").put("content", content);
    root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").set("message", msg);
    root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
    return root.toString();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
