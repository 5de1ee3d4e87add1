package io.datagent.agent.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON over HTTPS to one Databricks workspace: {@code GET}/{@code POST} a REST path with a bearer token, the
 * response parsed, and a failure turned into a {@link DatabricksApiException} that carries the API's
 * {@code {"error_code", "message"}} body.
 */
public final class DatabricksHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  private final String host;
  private final HttpClient client;

  /** @param host the workspace URL, e.g. {@code https://adb-123.4.azuredatabricks.net} (a bare host gets https://) */
  public DatabricksHttp(String host) {
    this(host, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  public DatabricksHttp(String host, HttpClient client) {
    this.host = normalize(host);
    this.client = client;
  }

  public String host() {
    return host;
  }

  public static String normalize(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("DATABRICKS_HOST is empty");
    }
    String h = host.strip();
    if (!h.startsWith("http://") && !h.startsWith("https://")) {
      h = "https://" + h;
    }
    while (h.endsWith("/")) {
      h = h.substring(0, h.length() - 1);
    }
    return h;
  }

  public JsonNode get(String path, String bearer, Duration timeout) throws DatabricksApiException, InterruptedException {
    return send(request(path, bearer, timeout).GET().build());
  }

  public JsonNode post(String path, JsonNode body, String bearer, Duration timeout)
      throws DatabricksApiException, InterruptedException {
    return send(request(path, bearer, timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
  }

  /** A form POST without JSON (the OAuth token endpoint). */
  JsonNode postForm(String path, String form, String authorization, Duration timeout)
      throws DatabricksApiException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(host + path)).timeout(timeout)
        .header("Authorization", authorization).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());
  }

  private HttpRequest.Builder request(String path, String bearer, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : host + path)).timeout(timeout)
        .header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest request) throws DatabricksApiException, InterruptedException {
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DatabricksApiException("no se pudo conectar con " + host + ": " + e, e);
    }
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      if (body == null) {
        throw new DatabricksApiException(status, "MALFORMED_RESPONSE", "respuesta no JSON de " + request.uri().getPath(), null);
      }
      return body;
    }
    String code = body != null && body.hasNonNull("error_code") ? body.get("error_code").asText() : "HTTP_" + status;
    String message = body != null && body.hasNonNull("message") ? body.get("message").asText() : shorten(response.body());
    Duration retryAfter = response.headers().firstValue("Retry-After").map(DatabricksHttp::seconds).orElse(null);
    throw new DatabricksApiException(status, code, message, retryAfter);
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(text);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Duration seconds(String v) {
    try {
      return Duration.ofSeconds(Long.parseLong(v.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    s = s.strip();
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
