package io.datagent.retrieval.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Databricks workspace on a loopback port for tests: each path answers with scripted responses in order (the last
 * one repeats), and every request (method, path, headers, JSON body) is recorded.
 */
final class LoopbackWorkspace implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  record Response(int status, String body, Map<String, String> headers, long delayMs) {}

  record Request(String method, String path, String authorization, JsonNode body) {}

  private final HttpServer server;
  private final Map<String, Deque<Response>> scripts = new HashMap<>();
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  LoopbackWorkspace() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "loopback-workspace");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  String host() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  DatabricksHttp http(int attempts, Duration timeout) {
    return new DatabricksHttp(new DatabricksHttp.Settings(host(), DatabricksCredentials.token("dapi-test"), timeout,
        attempts, Duration.ofMillis(10), Duration.ofMillis(200)));
  }

  LoopbackWorkspace on(String path, int status, String body) {
    return on(path, new Response(status, body, Map.of(), 0));
  }

  synchronized LoopbackWorkspace on(String path, Response r) {
    scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).add(r);
    return this;
  }

  List<Request> requests(String path) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.path().equals(path)).toList();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    byte[] in = ex.getRequestBody().readAllBytes();
    JsonNode body;
    try {
      body = in.length == 0 ? null : JSON.readTree(in);
    } catch (IOException notJson) {
      body = null; // form-encoded (OAuth token request)
    }
    requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Authorization"), body));
    Response r;
    synchronized (this) {
      Deque<Response> q = scripts.get(path);
      r = q == null || q.isEmpty() ? new Response(404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"no such path " + path + "\"}", Map.of(), 0)
          : q.size() > 1 ? q.poll() : q.peek();
    }
    if (r.delayMs() > 0) {
      try {
        Thread.sleep(r.delayMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
    r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    try {
      ex.sendResponseHeaders(r.status(), out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    } catch (IOException ignored) {
      // the client gave up (timeout test)
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
