package io.datagent.platform.secrets;

import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformException;
import io.datagent.platform.sql.StatementRequest;
import io.datagent.platform.sql.StatementResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secret scopes, read as the service principal (which needs READ on the scope).
 *
 * <p>First {@code GET /api/2.0/secrets/get} through the SDK. The API reference calls it a DBUtils API and the
 * workspace answers a caller outside a notebook (a Databricks App) with {@code 400 BAD_REQUEST} "This operation is not
 * allowed outside databricks notebooks." (seen in databricks-sdk-java's own integration test, PR #132); then the value
 * is read with SQL's {@code try_secret(scope, key)} on the process's warehouse, which has no such restriction. A
 * missing key or scope is an empty result on both paths.
 */
public final class Secrets {

  /** Scope and key names as Databricks allows them; they go into the SQL as literals (the function wants constants). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

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
      if (notFound(e)) {
        return Optional.empty();
      }
      if (e.status() == 400 && platform.config().warehouseId() != null) {
        return readWithSql(scope, key);
      }
      throw e;
    }
    return value == null ? Optional.empty()
        : Optional.of(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
  }

  private Optional<String> readWithSql(String scope, String key) {
    if (!NAME.matcher(scope).matches() || !NAME.matcher(key).matches()) {
      throw new IllegalArgumentException("Secret scope and key must match " + NAME.pattern() + ": " + scope + "/" + key);
    }
    StatementResult r = platform.statements().execute(new StatementRequest(
        "SELECT try_secret('" + scope + "', '" + key + "') AS value", Map.of(), null, null, 1, Duration.ofMinutes(2)));
    if (r.rows().isEmpty() || r.rows().get(0).get(0) == null) {
      return Optional.empty();
    }
    return Optional.of(r.rows().get(0).get(0));
  }

  private static boolean notFound(PlatformException e) {
    return e.status() == 404 || "RESOURCE_DOES_NOT_EXIST".equals(e.errorCode());
  }
}
