package io.datagent.retrieval.databricks;

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
import java.time.Instant;
import java.util.Base64;

/**
 * OAuth client-credentials (machine-to-machine) tokens of a service principal from the workspace's
 * {@code /oidc/v1/token} endpoint, cached until a minute before they expire.
 */
public final class OAuthM2MCredentials implements DatabricksCredentials {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String host;
  private final String clientId;
  private final String clientSecret;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private String token;
  private Instant expires = Instant.EPOCH;

  public OAuthM2MCredentials(String host, String clientId, String clientSecret) {
    this.host = DatabricksHttp.normalizeHost(host);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @Override
  public synchronized String bearerToken() {
    if (token != null && Instant.now().isBefore(expires)) {
      return token;
    }
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    HttpRequest req = HttpRequest.newBuilder(URI.create(host + "/oidc/v1/token"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
            + URLEncoder.encode("all-apis", StandardCharsets.UTF_8)))
        .build();
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw new DatabricksApiException("Databricks OAuth: no se obtuvo un token para el cliente " + clientId
            + " (HTTP " + res.statusCode() + "): " + res.body(), res.statusCode(), null, null);
      }
      JsonNode body = JSON.readTree(res.body());
      token = body.path("access_token").asText();
      long seconds = body.path("expires_in").asLong(3600);
      expires = Instant.now().plusSeconds(Math.max(0, seconds - 60));
      return token;
    } catch (IOException e) {
      throw new DatabricksApiException("Databricks OAuth: no se pudo contactar " + host + ": " + e, 0, null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabricksApiException("Databricks OAuth: interrumpido", 0, null, e);
    }
  }
}
