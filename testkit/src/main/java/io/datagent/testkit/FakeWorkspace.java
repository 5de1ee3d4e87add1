package io.datagent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A fake Databricks workspace on 127.0.0.1 that speaks what databricks-sdk-java sends: OAuth M2M
 * ({@code /oidc/.well-known/oauth-authorization-server}, {@code /oidc/v1/token}) and PATs, error bodies
 * {@code {"error_code", "message"}}, and the services of {@link FakeJobs}, {@link FakeSql}, {@link FakeServing} and
 * {@link FakeStore} (Files, Vector Search queries, Lakebase credentials, MLflow) and {@link FakeVectorSearch} (index
 * sync and state). Faults are scripted per request
 * ({@link #fail}): a status with headers (429 + Retry-After, 5xx, 403), a dropped connection, or a lost response
 * (the request is applied, then the connection drops).
 *
 * <p>Test scope only: production code never depends on this module.
 */
public final class FakeWorkspace implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One request as received; {@code body} is its UTF-8 text, {@code bytes} the raw body (a file upload). */
  public record Call(String method, String path, String query, String body, String authorization, byte[] bytes) {
    public Call(String method, String path, String query, String body, String authorization) {
      this(method, path, query, body, authorization, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A scripted answer instead of the normal one: status, headers and body; {@link #drop()} closes the connection
   * before doing anything, {@link #lost()} does the request and then closes the connection.
   */
  public record Fault(int status, Map<String, String> headers, String body, boolean applyFirst) {
    public static Fault error(int status, String code, String message) {
      return new Fault(status, Map.of(), error(code, message), false);
    }

    public static Fault retryAfter(int status, int seconds) {
      return new Fault(status, Map.of("Retry-After", String.valueOf(seconds)), error("TEMPORARILY_UNAVAILABLE", "try later"), false);
    }

    public static Fault drop() {
      return new Fault(0, Map.of(), null, false);
    }

    public static Fault lost() {
      return new Fault(0, Map.of(), null, true);
    }

    static String error(String code, String message) {
      return JSON.createObjectNode().put("error_code", code).put("message", message).toString();
    }
  }

  /** What a route answers: a status and a JSON body (or another content type; {@code raw} bytes win over the text). */
  public record Reply(int status, String contentType, String body, byte[] raw) {
    public Reply(int status, String contentType, String body) {
      this(status, contentType, body, null);
    }

    public static Reply bytes(String contentType, byte[] raw) {
      return new Reply(200, contentType, null, raw);
    }

    public static Reply json(Object body) {
      return new Reply(200, "application/json", body instanceof String s ? s : JSON.valueToTree(body).toString());
    }

    public static Reply error(int status, String code, String message) {
      return new Reply(status, "application/json", Fault.error(code, message));
    }
  }

  /** A route: answers one request. */
  @FunctionalInterface
  public interface Route {
    Reply answer(Call call, JsonNode body) throws IOException;
  }

  private record Entry(String method, Pattern path, Route route) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Entry> routes = new CopyOnWriteArrayList<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<Pattern, ConcurrentLinkedDeque<Fault>> faults = new ConcurrentHashMap<>();
  private final FakeAuth auth = new FakeAuth();
  private final FakeJobs jobs = new FakeJobs();
  private final FakeSql sql = new FakeSql();
  private final FakeServing serving = new FakeServing();
  private final FakeStore store = new FakeStore();
  private final FakeVectorSearch vectorSearch = new FakeVectorSearch();

  public FakeWorkspace() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "fake-workspace");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    auth.install(this);
    jobs.install(this);
    sql.install(this);
    serving.install(this);
    store.install(this);
    vectorSearch.install(this);
    server.start();
  }

  /** The workspace URL, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public FakeAuth auth() {
    return auth;
  }

  public FakeJobs jobs() {
    return jobs;
  }

  public FakeSql sql() {
    return sql;
  }

  public FakeServing serving() {
    return serving;
  }

  public FakeStore store() {
    return store;
  }

  /** TRIGGERED Vector Search indexes: sync and state (queries are {@link FakeStore#vectorSearch}). */
  public FakeVectorSearch vectorSearch() {
    return vectorSearch;
  }

  /** Adds (or overrides, as later routes win) a route for {@code method} and a path regex. */
  public FakeWorkspace route(String method, String pathRegex, Route route) {
    routes.add(0, new Entry(method, Pattern.compile(pathRegex), route));
    return this;
  }

  /** The next request whose path matches {@code pathRegex} gets {@code fault} (queued, one per request). */
  public FakeWorkspace fail(String pathRegex, Fault... fault) {
    ConcurrentLinkedDeque<Fault> q = faults.computeIfAbsent(Pattern.compile(pathRegex), k -> new ConcurrentLinkedDeque<>());
    q.addAll(List.of(fault));
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The requests whose path matches {@code pathRegex}. */
  public List<Call> calls(String pathRegex) {
    Pattern p = Pattern.compile(pathRegex);
    return calls.stream().filter(c -> p.matcher(c.path()).matches()).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      byte[] bytes = ex.getRequestBody().readAllBytes();
      String body = new String(bytes, StandardCharsets.UTF_8);
      Call call = new Call(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), body,
          ex.getRequestHeaders().getFirst("Authorization"), bytes);
      calls.add(call);
      Fault fault = nextFault(path);
      if (fault != null && fault.status() == 0 && !fault.applyFirst()) {
        return; // closed without an answer
      }
      if (fault != null && fault.status() > 0) {
        fault.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        send(ex, new Reply(fault.status(), "application/json", fault.body()));
        return;
      }
      Reply reply = dispatch(call, body);
      if (fault != null) {
        return; // applied, but the answer is lost
      }
      send(ex, reply);
    } catch (RuntimeException e) {
      send(ex, Reply.error(500, "INTERNAL_ERROR", "fake workspace: " + e));
    }
  }

  private Reply dispatch(Call call, String body) throws IOException {
    Reply denied = auth.check(call);
    if (denied != null) {
      return denied;
    }
    JsonNode json = body.isBlank() || !body.strip().startsWith("{") ? JSON.createObjectNode() : JSON.readTree(body);
    for (Entry e : routes) {
      if (e.method().equals(call.method()) && e.path().matcher(call.path()).matches()) {
        return e.route().answer(call, json);
      }
    }
    return Reply.error(404, "ENDPOINT_NOT_FOUND", "No API found for '" + call.method() + " " + call.path() + "'");
  }

  private Fault nextFault(String path) {
    for (Map.Entry<Pattern, ConcurrentLinkedDeque<Fault>> e : faults.entrySet()) {
      if (e.getKey().matcher(path).matches()) {
        Fault f = e.getValue().poll();
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  static void send(HttpExchange ex, Reply reply) throws IOException {
    byte[] bytes = reply.raw() != null ? reply.raw() : reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", reply.contentType());
    ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Query parameters of a call (last value wins). */
  public static Map<String, String> query(Call call) {
    Map<String, String> out = new java.util.HashMap<>();
    if (call.query() != null) {
      for (String kv : call.query().split("&")) {
        int i = kv.indexOf('=');
        if (i > 0) {
          out.put(java.net.URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
              java.net.URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
