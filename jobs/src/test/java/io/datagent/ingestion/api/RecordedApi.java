package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A loopback HTTP server (127.0.0.1, port 0) answering with the recorded responses under {@code /api/} and the
 * headers of the real services. Each test scripts the replies; every request is logged.
 */
final class RecordedApi implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  record Request(String path, String query, String authorization, int number, String method) {
    String pathAndQuery() {
      return query == null ? path : path + "?" + query;
    }

    String param(String name) {
      if (query == null) {
        return null;
      }
      for (String kv : query.split("&")) {
        String[] p = kv.split("=", 2);
        if (p[0].equals(name)) {
          return p.length > 1 ? java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "";
        }
      }
      return null;
    }
  }

  record Reply(int status, Map<String, String> headers, byte[] body, long delayMillis) {
    static Reply json(byte[] body, Map<String, String> headers) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.putIfAbsent("Content-Type", "application/json; charset=UTF-8");
      return new Reply(200, h, body, 0);
    }

    static Reply status(int status, String body, Map<String, String> headers) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.putIfAbsent("Content-Type", "application/json; charset=UTF-8");
      return new Reply(status, h, body.getBytes(StandardCharsets.UTF_8), 0);
    }
  }

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  RecordedApi(Function<Request, Reply> handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      Request r = new Request(ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
          ex.getRequestHeaders().getFirst("Authorization"), requests.size() + 1, ex.getRequestMethod());
      requests.add(r);
      Reply reply = handler.apply(r);
      try {
        if (reply.delayMillis() > 0) {
          Thread.sleep(reply.delayMillis());
        }
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
          try (OutputStream out = ex.getResponseBody()) {
            out.write(reply.body());
          }
        }
      } catch (InterruptedException | IOException e) {
        // the client gave up (timeout test)
      } finally {
        ex.close();
      }
    });
    server.setExecutor(pool);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  static byte[] resource(String name) {
    try (InputStream in = RecordedApi.class.getResourceAsStream("/api/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A service answering every request with one recorded file as the fuel-price and ESIOS services send theirs:
   * {@code Content-Type: application/json; charset=utf-8}, no pagination headers.
   */
  static RecordedApi unpaged(String resource) throws IOException {
    byte[] recorded = resource(resource);
    return new RecordedApi(r -> Reply.json(recorded, Map.of("Content-Type", "application/json; charset=utf-8")));
  }

  /** The recorded WordPress post with another id and title (test-made variant; the recorded file is not changed). */
  static ObjectNode wordpressPost(int id, String title) {
    try {
      ArrayNode page = (ArrayNode) JSON.readTree(resource("wordpress-posts-simse.json"));
      ObjectNode post = (ObjectNode) page.get(0).deepCopy();
      post.put("id", id);
      ((ObjectNode) post.get("title")).put("rendered", title);
      return post;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] array(List<ObjectNode> posts) {
    ArrayNode a = JSON.createArrayNode();
    posts.forEach(a::add);
    return a.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Headers WordPress sends with page {@code page} of {@code pages} of a collection of {@code total}. */
  static Map<String, String> wordpressHeaders(String base, int page, int pages, int total, int perPage) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json; charset=UTF-8");
    h.put("X-WP-Total", String.valueOf(total));
    h.put("X-WP-TotalPages", String.valueOf(pages));
    h.put("Allow", "GET");
    if (page < pages) {
      h.put("Link", "<" + base + "/wp-json/wp/v2/posts?per_page=" + perPage + "&page=" + (page + 1) + ">; rel=\"next\"");
    }
    return h;
  }
}
