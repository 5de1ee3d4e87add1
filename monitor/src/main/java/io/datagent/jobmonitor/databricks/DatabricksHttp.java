package io.datagent.jobmonitor.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTPS to a Databricks workspace with the retry rules of {@link RetryPolicy}: {@code 429} honours
 * {@code Retry-After} (seconds or an HTTP date), {@code 5xx} and dropped connections back off; anything else fails
 * at once with the API's {@code error_code} and message.
 */
final class DatabricksHttp {

  private static final Logger LOG = LoggerFactory.getLogger(DatabricksHttp.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI host;
  private final Supplier<String> token;
  private final HttpClient client;
  private final RetryPolicy retry;

  DatabricksHttp(URI host, Supplier<String> token, HttpClient client, RetryPolicy retry) {
    this.host = host;
    this.token = token;
    this.client = client;
    this.retry = retry;
  }

  URI host() {
    return host;
  }

  JsonNode get(String path, Map<String, String> query) {
    StringJoiner q = new StringJoiner("&");
    query.forEach((k, v) -> {
      if (v != null) {
        q.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    URI uri = host.resolve(path + (q.length() == 0 ? "" : "?" + q));
    return send(() -> HttpRequest.newBuilder(uri).GET(), "GET " + path);
  }

  JsonNode post(String path, JsonNode body) {
    String json = body.toString();
    return send(() -> HttpRequest.newBuilder(host.resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), "POST " + path);
  }

  private JsonNode send(Supplier<HttpRequest.Builder> request, String what) {
    DatabricksApiException last = null;
    for (int attempt = 0; attempt < retry.maxAttempts(); attempt++) {
      if (attempt > 0) {
        Duration wait = last != null && last.status() == 429 && last instanceof Throttled t ? t.wait
            : retry.backoff(attempt - 1);
        LOG.warn("{} failed ({}); retry {} of {} in {} ms", what, last.getMessage(), attempt, retry.maxAttempts() - 1,
            wait.toMillis());
        sleep(wait);
      }
      HttpRequest req = request.get().timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + token.get()).header("User-Agent", "datagent-monitor").build();
      HttpResponse<String> res;
      try {
        res = client.send(req, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        last = new DatabricksApiException(0, null, what + ": " + e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DatabricksApiException(0, null, what + ": interrupted");
      }
      int status = res.statusCode();
      if (status / 100 == 2) {
        return parse(res.body(), what);
      }
      last = error(status, res.body(), what);
      if (status == 429) {
        last = new Throttled(last, retryAfter(res).orElse(retry.backoff(attempt)));
      } else if (!last.transientFailure()) {
        throw last;
      }
    }
    throw last;
  }

  private static JsonNode parse(String body, String what) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      throw new DatabricksApiException(200, "BAD_JSON", what + ": response is not JSON: " + e.getMessage());
    }
  }

  private static DatabricksApiException error(int status, String body, String what) {
    try {
      JsonNode n = JSON.readTree(body);
      return new DatabricksApiException(status, n.path("error_code").asText(null), what + ": " + n.path("message").asText(body));
    } catch (IOException | RuntimeException e) {
      return new DatabricksApiException(status, null, what + ": " + (body == null ? "" : body));
    }
  }

  private java.util.Optional<Duration> retryAfter(HttpResponse<?> res) {
    return res.headers().firstValue("Retry-After").map(v -> {
      Duration d;
      try {
        d = Duration.ofSeconds(Long.parseLong(v.trim()));
      } catch (NumberFormatException e) {
        try {
          d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (RuntimeException bad) {
          d = retry.baseDelay();
        }
      }
      d = d.isNegative() ? Duration.ZERO : d;
      return d.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : d;
    });
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabricksApiException(0, null, "interrupted while waiting to retry");
    }
  }

  /** A 429 with the wait the server asked for. */
  private static final class Throttled extends DatabricksApiException {
    final Duration wait;

    Throttled(DatabricksApiException e, Duration wait) {
      super(e.status(), e.errorCode(), e.getMessage());
      this.wait = wait;
    }
  }
}
