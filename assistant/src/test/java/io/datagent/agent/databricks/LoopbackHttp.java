package io.datagent.agent.databricks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A loopback HTTP server answering {@code "METHOD /path"} with scripted replies (status, JSON body, headers),
 * recording every request. The last reply of a route repeats once its script is used up.
 */
public final class LoopbackHttp implements AutoCloseable {

  public record Reply(int status, String body, Map<String, String> headers) {}

  public record Request(String method, String path, String authorization, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Reply>> routes = new ConcurrentHashMap<>();
  public final List<Request> requests = new ArrayList<>();

  public LoopbackHttp() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      synchronized (requests) {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Authorization"), body));
      }
      Deque<Reply> q = routes.get(key);
      Reply r = q == null ? new Reply(404, "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"no route " + key + "\"}", Map.of())
          : q.size() > 1 ? q.poll() : q.peek();
      r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        exchange.getResponseBody().write(out);
      }
      exchange.close();
    });
    server.start();
  }

  public String host() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public LoopbackHttp on(String methodAndPath, int status, String body) {
    return on(methodAndPath, status, body, Map.of());
  }

  public LoopbackHttp on(String methodAndPath, int status, String body, Map<String, String> headers) {
    routes.computeIfAbsent(methodAndPath, k -> new ConcurrentLinkedDeque<>()).add(new Reply(status, body, headers));
    return this;
  }

  public List<Request> requests(String method, String path) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
