package io.datagent.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback HTTP server that answers like a remote service (Databricks REST, an MLflow OTLP endpoint) with the
 * shapes given per path, and records every request it got.
 */
public final class LoopbackServer implements AutoCloseable {

  /** One request as received. */
  public record Received(String method, String path, String query, String authorization, String contentType,
      java.util.Map<String, List<String>> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** What to answer. */
  public record Reply(int status, String contentType, byte[] body) {
    public static Reply json(String json) {
      return new Reply(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
  }

  public final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  public LoopbackServer(Function<Received, Reply> handler) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", ex -> handle(ex, handler));
    server.start();
  }

  private void handle(HttpExchange ex, Function<Received, Reply> handler) throws IOException {
    Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
        ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Content-Type"),
        ex.getRequestHeaders(), ex.getRequestBody().readAllBytes());
    received.add(r);
    Reply reply = handler.apply(r);
    ex.getResponseHeaders().add("Content-Type", reply.contentType());
    ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    if (reply.body().length > 0) {
      ex.getResponseBody().write(reply.body());
    }
    ex.close();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
