package io.datagent.platform.secrets;

import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Secret scopes through the SDK ({@code GET /api/2.0/secrets/get}), as the service principal, which needs READ on the
 * scope. The API returns the value base64-encoded; a missing key or scope is an empty result, not an error.
 */
public final class Secrets {

  private final Platform platform;

  public Secrets(Platform platform) {
    this.platform = platform;
  }

  /** The value of {@code key} in {@code scope}, decoded as UTF-8; empty when the scope has no such key. */
  public Optional<String> read(String scope, String key) {
    String value;
    try {
      value = platform.call(Operation.of("read secret " + scope + "/" + key,
          "leer el secreto " + key + " del ámbito " + scope), w -> w.secrets().getSecret(scope, key).getValue());
    } catch (PlatformException e) {
      if (e.status() == 404 || "RESOURCE_DOES_NOT_EXIST".equals(e.errorCode())) {
        return Optional.empty();
      }
      throw e;
    }
    return value == null ? Optional.empty()
        : Optional.of(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
  }
}
