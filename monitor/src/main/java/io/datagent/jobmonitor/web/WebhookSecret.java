package io.datagent.jobmonitor.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks the shared secret of a job-notification webhook, compared in constant time. Accepted as
 * {@code Authorization: Bearer <secret>}, as the password of {@code Authorization: Basic} (what a Databricks HTTP
 * notification destination sends), or as {@code X-Datagent-Webhook-Secret}.
 */
final class WebhookSecret {

  private final byte[] secret;

  WebhookSecret(String secret) {
    this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
  }

  boolean enabled() {
    return secret.length > 0;
  }

  boolean matches(String authorization, String header) {
    if (!enabled()) {
      return false;
    }
    String given = header;
    if (given == null && authorization != null) {
      if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        given = authorization.substring(7).trim();
      } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        try {
          String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
          int colon = decoded.indexOf(':');
          given = colon >= 0 ? decoded.substring(colon + 1) : decoded;
        } catch (IllegalArgumentException e) {
          return false;
        }
      }
    }
    return given != null && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
  }
}
