package io.datagent.jobmonitor.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The bearer token for Databricks REST calls, from the same environment the SDK's unified auth reads:
 * {@code DATABRICKS_TOKEN} (a PAT), else {@code DATABRICKS_CLIENT_ID}/{@code DATABRICKS_CLIENT_SECRET} exchanged at
 * {@code <host>/oidc/v1/token} (OAuth M2M, what a Databricks App's service principal has), cached until a minute
 * before it expires.
 */
public final class DatabricksToken implements Supplier<String> {

  private final Supplier<String> delegate;

  private DatabricksToken(Supplier<String> delegate) {
    this.delegate = delegate;
  }

  public static DatabricksToken fromEnv(URI host, Map<String, String> env, HttpClient http) {
    String pat = env.get("DATABRICKS_TOKEN");
    if (pat != null && !pat.isBlank()) {
      return new DatabricksToken(() -> pat);
    }
    String id = env.get("DATABRICKS_CLIENT_ID");
    String secret = env.get("DATABRICKS_CLIENT_SECRET");
    if (id != null && !id.isBlank() && secret != null && !secret.isBlank()) {
      return new DatabricksToken(new OAuthM2M(host, id, secret, http));
    }
    throw new IllegalStateException("No Databricks credentials: set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and "
        + "DATABRICKS_CLIENT_SECRET (a Databricks App gets the latter two injected)");
  }

  @Override
  public String get() {
    return delegate.get();
  }

  private static final class OAuthM2M implements Supplier<String> {
    private final URI host;
    private final String clientId;
    private final String secret;
    private final HttpClient http;
    private String token;
    private Instant expires = Instant.EPOCH;

    OAuthM2M(URI host, String clientId, String secret, HttpClient http) {
      this.host = host;
      this.clientId = clientId;
      this.secret = secret;
      this.http = http;
    }

    @Override
    public synchronized String get() {
      if (token != null && Instant.now().isBefore(expires.minusSeconds(60))) {
        return token;
      }
      String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
      HttpRequest req = HttpRequest.newBuilder(host.resolve("/oidc/v1/token")).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Basic " + basic)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
              + URLEncoder.encode("all-apis", StandardCharsets.UTF_8)))
          .build();
      try {
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
          throw new DatabricksApiException(res.statusCode(), "OAUTH", "token exchange failed: " + res.body());
        }
        JsonNode n = new ObjectMapper().readTree(res.body());
        token = n.path("access_token").asText();
        expires = Instant.now().plusSeconds(n.path("expires_in").asLong(3600));
        return token;
      } catch (java.io.IOException e) {
        throw new DatabricksApiException(0, "OAUTH", "token exchange failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DatabricksApiException(0, "OAUTH", "interrupted");
      }
    }
  }
}
