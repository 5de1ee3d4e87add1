package io.datagent.agent.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The service principal's token through OAuth machine-to-machine ({@code POST /oidc/v1/token} with
 * {@code grant_type=client_credentials}, {@code scope=all-apis}): what a Databricks App has in
 * DATABRICKS_CLIENT_ID / DATABRICKS_CLIENT_SECRET. Cached until a minute before it expires.
 */
public final class OAuthM2MToken implements DatabricksToken {

  private final DatabricksHttp http;
  private final String basic;
  private final Clock clock;
  private String token;
  private Instant expires = Instant.MIN;

  public OAuthM2MToken(DatabricksHttp http, String clientId, String clientSecret) {
    this(http, clientId, clientSecret, Clock.systemUTC());
  }

  OAuthM2MToken(DatabricksHttp http, String clientId, String clientSecret, Clock clock) {
    this.http = http;
    this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
  }

  @Override
  public synchronized String get() throws DatabricksApiException {
    if (token != null && clock.instant().isBefore(expires)) {
      return token;
    }
    try {
      JsonNode r = http.postForm("/oidc/v1/token", "grant_type=client_credentials&scope="
          + URLEncoder.encode("all-apis", StandardCharsets.UTF_8), basic, Duration.ofSeconds(30));
      if (!r.hasNonNull("access_token")) {
        throw new DatabricksApiException(200, "MALFORMED_RESPONSE", "la respuesta de /oidc/v1/token no trae access_token", null);
      }
      token = r.get("access_token").asText();
      long ttl = r.path("expires_in").asLong(3600);
      expires = clock.instant().plusSeconds(Math.max(0, ttl - 60));
      return token;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabricksApiException("interrumpido al pedir el token OAuth", e);
    }
  }
}
