package io.datagent.app.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.app.state.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A small client for the Databricks REST API (JSON in, JSON out), authenticated with a {@link TokenSource}. Enough
 * for the Files, Jobs, SQL Statement Execution and database credential endpoints; no SDK (the App ships thin JARs).
 */
public final class DatabricksClient {

  private final URI host;
  private final TokenSource tokens;
  private final JsonCodec json;
  private final HttpClient http;

  public DatabricksClient(URI host, TokenSource tokens, JsonCodec json) {
    this.host = host;
    this.tokens = tokens;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** {@code https://} is added when the host comes without a scheme (as DATABRICKS_HOST does inside an App). */
  public static URI hostUri(String host) {
    String h = host.strip();
    if (!h.startsWith("http://") && !h.startsWith("https://")) {
      h = "https://" + h;
    }
    return URI.create(h.endsWith("/") ? h.substring(0, h.length() - 1) : h);
  }

  public URI host() {
    return host;
  }

  public JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  public JsonNode post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.write(body))).build());
  }

  /** PUT of a file's bytes (Files API upload). */
  public void put(String path, Path file) {
    try {
      send(request(path).header("Content-Type", "application/octet-stream")
          .PUT(HttpRequest.BodyPublishers.ofFile(file)).build());
    } catch (java.io.FileNotFoundException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(host + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + tokens.token()).header("User-Agent", "datagent-app/0.1");
  }

  private JsonNode send(HttpRequest req) {
    HttpResponse<String> res;
    try {
      res = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DatabricksException(0, "UNREACHABLE", "Databricks no responde (" + req.uri().getPath() + "): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabricksException(0, "INTERRUPTED", "llamada interrumpida");
    }
    JsonNode body = res.body() == null || res.body().isBlank() ? json.mapper().createObjectNode() : parse(res.body());
    if (res.statusCode() / 100 != 2) {
      throw new DatabricksException(res.statusCode(), body.path("error_code").asText(null),
          body.path("message").asText("HTTP " + res.statusCode() + " en " + req.uri().getPath()));
    }
    return body;
  }

  private JsonNode parse(String body) {
    try {
      return json.tree(body);
    } catch (IllegalArgumentException e) {
      return json.mapper().createObjectNode().put("message", body.length() > 300 ? body.substring(0, 300) : body);
    }
  }
}
