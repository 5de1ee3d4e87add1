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
 *
 * <p>As an evaluation judge (a system prompt starting "Eres un juez"): a groundedness judge scores 5 when every
 * number of the "## Respuesta" section appears among the numbers of the "## Evidencia" section, else 1 naming the
 * first missing one; a relevance judge scores 5 when the answer shares a word of five letters or more with the
 * question, else 1. Both reply with the strict JSON the judge prompts ask for, unless {@link #judgeReplies} holds a
 * scripted reply (sent as is). {@link #failures} holds HTTP statuses, one per request, before any reply: an error status is sent
 * instead of the reply, 200 lets that request be answered.
 */
public final class LoopbackModel implements AutoCloseable {

  public static final String NAME_TABLE = "Nombra siempre la tabla consultada.";
  public static final String ALWAYS_FIGURE = "Responde siempre con una cifra.";

  public final Deque<String> rewrites = new ConcurrentLinkedDeque<>();
  public final Deque<String> judgeReplies = new ConcurrentLinkedDeque<>();
  public final Deque<Integer> failures = new ConcurrentLinkedDeque<>();
  public final AtomicInteger judgeCalls = new AtomicInteger();
  public final AtomicInteger requests = new AtomicInteger();
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
      requests.incrementAndGet();
      Integer failure = failures.poll();
      if (failure != null && failure >= 400) {
        byte[] err = ("{\"error\":{\"message\":\"loopback failure\",\"type\":\"server_error\",\"code\":\""
            + failure + "\"}}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(failure, err.length);
        ex.getResponseBody().write(err);
        ex.close();
        return;
      }
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
    if (system.toString().startsWith("Eres un juez")) {
      judgeCalls.incrementAndGet();
      String scripted = judgeReplies.poll();
      return scripted != null ? scripted : judge(system.toString(), question);
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

  private String judge(String system, String message) {
    String answer = section(message, "## Respuesta");
    if (system.contains("fundamentada")) {
      java.util.Set<String> evidence = numbers(section(message, "## Evidencia"));
      for (String n : numbers(answer)) {
        if (!evidence.contains(n)) {
          return verdict(1, "La cifra " + n + " no está en la evidencia.");
        }
      }
      return verdict(5, "Todas las cifras están en la evidencia.");
    }
    java.util.Set<String> asked = words(section(message, "## Pregunta"));
    asked.retainAll(words(answer));
    return asked.isEmpty() ? verdict(1, "No trata lo que se pregunta.") : verdict(5, "Contesta sobre " + asked.iterator().next() + ".");
  }

  private String verdict(int score, String rationale) {
    return json.createObjectNode().put("score", score).put("rationale", rationale).toString();
  }

  private static String section(String message, String title) {
    int at = message.indexOf(title);
    if (at < 0) {
      return "";
    }
    int end = message.indexOf("\n## ", at + title.length());
    return message.substring(at + title.length(), end < 0 ? message.length() : end);
  }

  /** Numbers written with or without separators, kept as their digits ("1.234,5" and "1234.5" are both "12345"). */
  private static java.util.Set<String> numbers(String text) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+(?:[.,]\\d+)*").matcher(text);
    while (m.find()) {
      out.add(m.group().replaceAll("[.,]", "").replaceFirst("0+$", "").replaceFirst("^$", "0"));
    }
    return out;
  }

  private static java.util.Set<String> words(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : java.text.Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "").split("[^a-z]+")) {
      if (w.length() >= 5) {
        out.add(w);
      }
    }
    return out;
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
