package io.datagent.retrieval.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * JSON over HTTPS to a Databricks workspace with the retries its APIs ask for: 429 (honouring {@code Retry-After})
 * and 5xx or timeouts are retried with exponential back-off and jitter; other 4xx fail at once with the API's
 * {@code error_code} and {@code message}.
 */
public final class DatabricksHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param host           workspace URL, e.g. {@code https://adb-123.4.azuredatabricks.net}
   * @param requestTimeout time limit of one attempt
   * @param maxAttempts    attempts per call (1 = no retry)
   * @param initialBackoff wait after the first failure; doubles each time, up to {@code maxBackoff}
   */
  public record Settings(String host, DatabricksCredentials credentials, Duration requestTimeout, int maxAttempts,
      Duration initialBackoff, Duration maxBackoff) {

    public Settings {
      host = normalizeHost(host);
      if (credentials == null) {
        throw new IllegalArgumentException("Databricks: credentials are required");
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("Databricks: maxAttempts must be at least 1, got " + maxAttempts);
      }
    }

    public static Settings of(String host, DatabricksCredentials credentials) {
      return new Settings(host, credentials, Duration.ofSeconds(60), 6, Duration.ofMillis(500), Duration.ofSeconds(30));
    }
  }

  private final Settings settings;
  private final HttpClient client;

  public DatabricksHttp(Settings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public Settings settings() {
    return settings;
  }

  public JsonNode post(String path, Object body, String what) {
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    return send(() -> base(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(), what);
  }

  public JsonNode get(String path, String what) {
    return send(() -> base(path).GET().build(), what);
  }

  private HttpRequest.Builder base(String path) {
    return HttpRequest.newBuilder(URI.create(settings.host() + path))
        .timeout(settings.requestTimeout())
        .header("Authorization", "Bearer " + settings.credentials().bearerToken())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
  }

  private JsonNode send(java.util.function.Supplier<HttpRequest> request, String what) {
    String last = null;
    int lastStatus = 0;
    String lastCode = null;
    long backoff = settings.initialBackoff().toMillis();
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      long wait = backoff;
      try {
        HttpResponse<String> res = client.send(request.get(), HttpResponse.BodyHandlers.ofString());
        int status = res.statusCode();
        if (status / 100 == 2) {
          return res.body() == null || res.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(res.body());
        }
        JsonNode err = parseError(res.body());
        lastStatus = status;
        lastCode = err.path("error_code").asText(null);
        last = "HTTP " + status + (lastCode == null ? "" : " " + lastCode) + ": " + err.path("message").asText(abbreviate(res.body()));
        if (status != 429 && status < 500) {
          throw new DatabricksApiException(what + " falló (" + last + ")", status, lastCode, null);
        }
        if (status == 429) {
          wait = Math.max(backoff, retryAfterMillis(res));
        }
      } catch (HttpTimeoutException e) {
        last = "sin respuesta en " + settings.requestTimeout().toSeconds() + " s";
        lastStatus = 0;
      } catch (IOException e) {
        last = e.toString();
        lastStatus = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DatabricksApiException(what + ": interrumpido", 0, null, e);
      }
      if (attempt < settings.maxAttempts()) {
        sleep(Math.min(wait, settings.maxBackoff().toMillis()) + ThreadLocalRandom.current().nextLong(1 + wait / 10));
        backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
      }
    }
    throw new DatabricksApiException(what + " falló tras " + settings.maxAttempts() + " intentos (" + last + ")",
        lastStatus, lastCode, null);
  }

  private static long retryAfterMillis(HttpResponse<?> res) {
    String v = res.headers().firstValue("Retry-After").orElse(null);
    if (v == null) {
      return 0;
    }
    try {
      return (long) (Double.parseDouble(v.trim()) * 1000);
    } catch (NumberFormatException e) {
      return 0; // HTTP-date form: fall back to our own back-off
    }
  }

  private static JsonNode parseError(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabricksApiException("interrumpido durante la espera entre reintentos", 0, null, e);
    }
  }

  /** {@code adb-1.2.azuredatabricks.net/} → {@code https://adb-1.2.azuredatabricks.net}. */
  static String normalizeHost(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("Databricks: the workspace host is empty (DATABRICKS_HOST)");
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
}
