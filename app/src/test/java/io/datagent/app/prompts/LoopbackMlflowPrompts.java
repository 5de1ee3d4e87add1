package io.datagent.app.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.app.LoopbackServer;
import io.datagent.app.LoopbackServer.Received;
import io.datagent.app.LoopbackServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback MLflow Prompt Registry on Unity Catalog: the routes of mlflow's {@code UnityCatalogPromptService}
 * ({@code /api/2.0/mlflow/unity-catalog/prompts...}) with its JSON shapes (snake_case proto fields, versions as
 * strings, RFC 3339 timestamps, {@code {"error_code", "message"}} errors), versions paged two at a time, and failures
 * that can be injected per method and path.
 */
final class LoopbackMlflowPrompts implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "/api/2.0/mlflow/unity-catalog/prompts";
  private static final Pattern PROMPT = Pattern.compile(BASE + "/([^/]+)(/.*)?");

  /** A failure to answer {@code times} times to requests whose method and path match. */
  record Failure(String method, String pathContains, int status, String errorCode, int times) {}

  private record Version(int number, String template, String description, ArrayNode tags, Instant created) {}

  private static final class Prompt {
    final List<Version> versions = new ArrayList<>();
    final Map<String, Integer> aliases = new LinkedHashMap<>();
  }

  final LoopbackServer server;
  private final Map<String, Prompt> prompts = new ConcurrentHashMap<>();
  private final List<Failure> failures = new ArrayList<>();
  private final Map<Failure, Integer> failed = new ConcurrentHashMap<>();

  LoopbackMlflowPrompts() {
    server = new LoopbackServer(this::answer);
  }

  String host() {
    return server.url();
  }

  /** The SDK's client for this server; its retry back-offs are added to {@code sleeps} instead of slept. */
  com.databricks.sdk.core.ApiClient client(List<Long> sleeps) {
    return client(host(), sleeps);
  }

  static com.databricks.sdk.core.ApiClient client(String host, List<Long> sleeps) {
    com.databricks.sdk.core.DatabricksConfig config = new com.databricks.sdk.core.DatabricksConfig().setHost(host)
        .setToken("dapi-test").setAuthType("pat").setHttpTimeoutSeconds(5);
    com.databricks.sdk.core.utils.Timer timer = new com.databricks.sdk.core.utils.Timer() {
      long now;

      @Override
      public void sleep(long millis) {
        sleeps.add(millis);
        now += millis;
      }

      @Override
      public long getCurrentTime() {
        return now;
      }
    };
    return new com.databricks.sdk.core.ApiClient.Builder().withDatabricksConfig(config.resolve()).withTimer(timer).build();
  }

  synchronized void fail(String method, String pathContains, int status, String errorCode, int times) {
    failures.add(new Failure(method, pathContains, status, errorCode, times));
  }

  /** Answers requests whose method and path match only after {@code millis}. */
  void slow(String method, String pathContains, long millis) {
    this.slowMethod = method;
    this.slowPath = pathContains;
    this.slowMillis = millis;
  }

  private volatile String slowMethod;
  private volatile String slowPath;
  private volatile long slowMillis;

  synchronized void healed() {
    failures.clear();
  }

  /** The requests received so far whose path contains {@code part}. */
  List<Received> requests(String method, String part) {
    return server.received.stream().filter(r -> r.method().equals(method) && r.path().contains(part)).toList();
  }

  private Reply answer(Received r) {
    if (slowMethod != null && r.method().equals(slowMethod) && r.path().contains(slowPath)) {
      try {
        Thread.sleep(slowMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return answerNow(r);
  }

  private synchronized Reply answerNow(Received r) {
    for (Failure f : failures) {
      int done = failed.getOrDefault(f, 0);
      if (done < f.times() && r.method().equals(f.method()) && r.path().contains(f.pathContains())) {
        failed.put(f, done + 1);
        return error(f.status(), f.errorCode(), "Injected failure " + f.status());
      }
    }
    try {
      return route(r);
    } catch (IOException e) {
      return error(400, "INVALID_PARAMETER_VALUE", "Malformed JSON: " + e.getMessage());
    }
  }

  private Reply route(Received r) throws IOException {
    JsonNode body = r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.text());
    if (r.method().equals("POST") && r.path().equals(BASE)) {
      String name = body.path("name").asText();
      if (prompts.putIfAbsent(name, new Prompt()) != null) {
        return error(409, "RESOURCE_ALREADY_EXISTS", "Prompt '" + name + "' already exists.");
      }
      return ok(prompt(name));
    }
    Matcher m = PROMPT.matcher(r.path());
    if (!m.matches()) {
      return error(404, "ENDPOINT_NOT_FOUND", "No API found for '" + r.method() + " " + r.path() + "'");
    }
    String name = m.group(1);
    String rest = m.group(2) == null ? "" : m.group(2);
    Prompt p = prompts.get(name);
    if (p == null) {
      return error(404, "RESOURCE_DOES_NOT_EXIST", "Prompt '" + name + "' does not exist.");
    }
    if (r.method().equals("GET") && rest.isEmpty()) {
      return ok(prompt(name));
    }
    if (r.method().equals("POST") && rest.equals("/versions")) {
      JsonNode pv = body.path("prompt_version");
      Version v = new Version(p.versions.size() + 1, pv.path("template").asText(), pv.path("description").asText(""),
          pv.path("tags").isArray() ? (ArrayNode) pv.path("tags") : JSON.createArrayNode(), Instant.now());
      p.versions.add(v);
      return ok(version(name, p, v));
    }
    if (r.method().equals("POST") && rest.equals("/versions/search")) {
      int max = Math.min(2, body.path("max_results").asInt(2)); // pages of two, to exercise paging
      int from = body.path("page_token").asText("").isEmpty() ? 0 : Integer.parseInt(body.path("page_token").asText());
      ObjectNode res = JSON.createObjectNode();
      ArrayNode list = res.putArray("prompt_versions");
      for (int i = from; i < Math.min(from + max, p.versions.size()); i++) {
        list.add(version(name, p, p.versions.get(i)));
      }
      if (from + max < p.versions.size()) {
        res.put("next_page_token", String.valueOf(from + max));
      }
      return ok(res);
    }
    Matcher byAlias = Pattern.compile("/versions/by-alias/([^/]+)").matcher(rest);
    if (r.method().equals("GET") && byAlias.matches()) {
      Integer n = p.aliases.get(byAlias.group(1));
      if (n == null) {
        return error(404, "RESOURCE_DOES_NOT_EXIST", "Prompt alias '" + byAlias.group(1) + "' not found.");
      }
      return ok(version(name, p, p.versions.get(n - 1)));
    }
    Matcher one = Pattern.compile("/versions/(\\d+)").matcher(rest);
    if (r.method().equals("GET") && one.matches()) {
      int n = Integer.parseInt(one.group(1));
      if (n < 1 || n > p.versions.size()) {
        return error(404, "RESOURCE_DOES_NOT_EXIST", "Prompt version " + n + " of '" + name + "' not found.");
      }
      return ok(version(name, p, p.versions.get(n - 1)));
    }
    Matcher alias = Pattern.compile("/aliases/([^/]+)").matcher(rest);
    if (r.method().equals("POST") && alias.matches()) {
      int n = Integer.parseInt(body.path("version").asText("0"));
      if (n < 1 || n > p.versions.size()) {
        return error(404, "RESOURCE_DOES_NOT_EXIST", "Prompt version " + n + " of '" + name + "' not found.");
      }
      p.aliases.put(alias.group(1), n);
      return ok(JSON.createObjectNode());
    }
    return error(404, "ENDPOINT_NOT_FOUND", "No API found for '" + r.method() + " " + r.path() + "'");
  }

  private ObjectNode prompt(String name) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", name);
    o.put("creation_timestamp", "2026-12-01T10:00:00Z");
    ArrayNode aliases = o.putArray("aliases");
    prompts.get(name).aliases.forEach((a, v) -> aliases.addObject().put("alias", a).put("version", String.valueOf(v)));
    o.putArray("tags");
    return o;
  }

  private static ObjectNode version(String name, Prompt p, Version v) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", name);
    o.put("version", String.valueOf(v.number()));
    o.put("creation_timestamp", v.created().toString());
    o.put("last_updated_timestamp", v.created().toString());
    o.put("description", v.description());
    o.put("template", v.template());
    ArrayNode aliases = o.putArray("aliases");
    p.aliases.forEach((a, n) -> {
      if (n == v.number()) {
        aliases.addObject().put("alias", a).put("version", String.valueOf(n));
      }
    });
    o.set("tags", v.tags());
    return o;
  }

  private static Reply ok(JsonNode node) {
    return Reply.json(node.toString());
  }

  private static Reply error(int status, String code, String message) {
    ObjectNode o = JSON.createObjectNode().put("error_code", code).put("message", message);
    return new Reply(status, "application/json", o.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.close();
  }
}
