package io.datagent.ingestion.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Fetches one page over {@link HttpClient}, with the source's authentication, rate limit and retries.
 *
 * <p>429 waits {@code Retry-After} (seconds or an HTTP date, capped at the source's {@code max_delay_ms}); 5xx,
 * timeouts, connection errors and bodies that are not complete JSON are retried with exponential back-off and full
 * jitter, at most {@code max_attempts} tries; a 401 reads the secret again and retries once (an expired token that
 * was rotated); any other status fails at once. Failures are {@link ApiFetchException}s naming source, page and URL.
 */
public final class PageFetcher {

  /** Waits; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiSource source;
  private final SecretLookup secrets;
  private final HttpClient http;
  private final Sleeper sleeper;
  private final Random random;
  /** Where a URL is actually sent (identity, except for {@link #routedTo}); pages keep the URL asked for. */
  private final UnaryOperator<String> route;
  private long lastRequestNanos;

  public PageFetcher(ApiSource source, SecretLookup secrets, HttpClient http, Sleeper sleeper, Random random) {
    this(source, secrets, http, sleeper, random, UnaryOperator.identity());
  }

  private PageFetcher(ApiSource source, SecretLookup secrets, HttpClient http, Sleeper sleeper, Random random,
      UnaryOperator<String> route) {
    this.source = source;
    this.secrets = secrets;
    this.http = http;
    this.sleeper = sleeper;
    this.random = random;
    this.route = route;
  }

  /**
   * This fetcher, sending each request for a URL under {@code realBase} to the same rest under {@code replayBase}
   * instead (the demo's loopback replay of recorded responses). Saved pages, lineage, errors and state keep the real
   * URL, so nothing left behind points at a server that is gone after the run.
   */
  public PageFetcher routedTo(String realBase, String replayBase) {
    return new PageFetcher(source, secrets, http, sleeper, random,
        url -> url.startsWith(realBase) ? replayBase + url.substring(realBase.length()) : url);
  }

  public static PageFetcher standard(ApiSource source, SecretLookup secrets) {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(source.calls().timeoutSeconds())).build();
    return new PageFetcher(source, secrets, http, Thread::sleep, new Random());
  }

  public HttpPage fetch(String url, int page) {
    return send(url, page, "GET");
  }

  /** The answer to {@code OPTIONS url} (a WordPress route's self-description), with the same retries. */
  public HttpPage options(String url) {
    return send(url, 0, "OPTIONS");
  }

  private HttpPage send(String url, int page, String method) {
    ApiSource.CallPolicy calls = source.calls();
    boolean reauthorized = false;
    String problem = null;
    for (int attempt = 1; attempt <= calls.maxAttempts(); attempt++) {
      long wait = 0;
      try {
        pace();
        HttpResponse<String> r = http.send(request(url, method), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = r.statusCode();
        if (status == 200) {
          try {
            JsonNode json = parse(r.body());
            return new HttpPage(url, status, r.headers().map(), r.body(), json, Instant.now());
          } catch (JsonProcessingException e) {
            problem = "la respuesta no es JSON completo (" + describe(r) + "; " + e.getOriginalMessage() + ")";
          }
        } else if (status == 401 && !reauthorized && source.auth().kind() != Auth.Kind.NONE) {
          reauthorized = true; // the token may have expired and been rotated: read it again and retry once
          attempt--;
          continue;
        } else if (status == 429) {
          wait = retryAfter(r.headers().firstValue("Retry-After").orElse(null), attempt);
          problem = "la API limita las peticiones (HTTP 429)";
        } else if (status >= 500) {
          problem = "error del servidor (HTTP " + status + ")";
        } else {
          throw new ApiFetchException(source.name(), page, url, (status == 401 || status == 403
              ? "credenciales rechazadas (HTTP " + status + "); revise el secreto " + source.auth().scope() + "/" + source.auth().key()
              : "la API respondió HTTP " + status) + snippet(r.body()));
        }
      } catch (HttpTimeoutException e) {
        problem = "sin respuesta en " + calls.timeoutSeconds() + " s";
      } catch (IOException e) {
        problem = "error de conexión (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiFetchException(source.name(), page, url, "interrumpido");
      }
      if (attempt < calls.maxAttempts()) {
        sleep(wait > 0 ? wait : backoff(attempt), page, url);
      }
    }
    throw new ApiFetchException(source.name(), page, url, problem + " tras " + calls.maxAttempts() + " intento(s)");
  }

  private HttpRequest request(String url, String method) {
    String target = url;
    HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(source.calls().timeoutSeconds()))
        .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.noBody());
    Auth a = source.auth();
    switch (a.kind()) {
      case BEARER -> b.header("Authorization", "Bearer " + secret(a.key()));
      case BASIC -> b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((secret(a.key()) + ":" + secret(a.password())).getBytes(StandardCharsets.UTF_8)));
      case API_KEY_HEADER -> b.header(a.name(), secret(a.key()));
      case API_KEY_QUERY -> target = url + (url.contains("?") ? "&" : "?") + URLEncoder.encode(a.name(), StandardCharsets.UTF_8)
          + "=" + URLEncoder.encode(secret(a.key()), StandardCharsets.UTF_8);
      case NONE -> { }
    }
    return b.uri(URI.create(route.apply(target))).build();
  }

  private String secret(String key) {
    return secrets.find(source.auth().scope(), key).orElseThrow(() -> new SourceDefinitionException("Fuente " + source.name()
        + ": falta el secreto " + source.auth().scope() + "/" + key + " (variable " + SecretLookup.variableName(key) + " o " + SecretLookup.variableName(source.auth().scope(), key) + ")"));
  }

  private static JsonNode parse(String body) throws JsonProcessingException {
    if (body == null || body.isBlank()) {
      throw new JsonProcessingException("cuerpo vacío") {};
    }
    return JSON.readTree(body);
  }

  private void pace() throws InterruptedException {
    long interval = source.calls().minIntervalMillis();
    if (interval > 0 && lastRequestNanos != 0) {
      long waited = (System.nanoTime() - lastRequestNanos) / 1_000_000;
      if (waited < interval) {
        sleeper.sleep(interval - waited);
      }
    }
    lastRequestNanos = System.nanoTime();
  }

  /** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. */
  long backoff(int attempt) {
    long cap = Math.min(source.calls().maxDelayMillis(), source.calls().baseDelayMillis() << Math.min(attempt - 1, 30));
    return (long) (random.nextDouble() * (cap + 1));
  }

  long retryAfter(String value, int attempt) {
    long max = source.calls().maxDelayMillis();
    if (value != null) {
      try {
        return Math.min(max, Math.max(0, Long.parseLong(value.trim()) * 1000));
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
          return Math.min(max, Math.max(0, Duration.between(Instant.now(), at.toInstant()).toMillis()));
        } catch (RuntimeException notDate) {
          // fall through to back-off
        }
      }
    }
    return backoff(attempt);
  }

  private void sleep(long millis, int page, String url) {
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiFetchException(source.name(), page, url, "interrumpido");
    }
  }

  private static String describe(HttpResponse<String> r) {
    return r.body() == null ? "sin cuerpo" : r.body().length() + " caracteres, " + r.headers().firstValue("Content-Type").orElse("sin Content-Type");
  }

  private static String snippet(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String s = body.strip().replaceAll("\\s+", " ");
    return ": " + (s.length() > 200 ? s.substring(0, 200) + "…" : s);
  }
}
