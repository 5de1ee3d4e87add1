package io.datagent.local.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Replays recorded HTTP responses on 127.0.0.1 (a free port): each recording answers GET of its path (with any query)
 * with the recorded body, byte for byte, and the headers the real service sent; anything else is a 404. Its only job
 * is replaying recordings for the demo, so an API source can be loaded without the network.
 */
public final class RecordedResponseReplay implements AutoCloseable {

  /** One recorded response: the path it was fetched from, the body as received and the real response headers. */
  public record Recording(String path, byte[] body, Map<String, String> headers) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "datagent-demo-replay");
    t.setDaemon(true);
    return t;
  });

  public RecordedResponseReplay(Map<String, Recording> byPath) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        Recording r = "GET".equals(ex.getRequestMethod()) ? byPath.get(ex.getRequestURI().getPath()) : null;
        byte[] body = r == null ? "{\"error\":\"no recorded response for this path\"}".getBytes(StandardCharsets.UTF_8) : r.body();
        if (r != null) {
          r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        } else {
          ex.getResponseHeaders().add("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(r == null ? 404 : 200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.setExecutor(pool);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
