package io.datagent.platform;

import java.time.Duration;
import java.util.Map;

/**
 * How this process reaches its Databricks workspace: the host, how it authenticates and the SQL warehouse it uses.
 * Built once in each {@code main} (from env there, {@link #fromEnv}); libraries receive it, never read env.
 *
 * @param host        the workspace URL; a bare host gets {@code https://}
 * @param auth        a personal access token, the OAuth M2M secret of a service principal (what an App gets), or the
 *                    SDK's default chain ({@link AuthKind#RUNTIME}: on a job cluster, the run's own identity)
 * @param token       the PAT ({@link AuthKind#PAT} only)
 * @param clientId    the service principal's client id ({@link AuthKind#OAUTH_M2M} only)
 * @param clientSecret its secret ({@link AuthKind#OAUTH_M2M} only)
 * @param warehouseId the SQL warehouse of Statement Execution calls, or null when the process runs no SQL
 * @param httpTimeout time limit of one HTTP call
 */
public record PlatformConfig(String host, AuthKind auth, String token, String clientId, String clientSecret,
    String warehouseId, Duration httpTimeout) {

  /**
   * How the process authenticates. {@code RUNTIME} passes no credential and lets databricks-sdk-java's default chain
   * find one: on a Databricks job cluster's driver that is {@code runtime}, the run's {@code run_as} identity, with no
   * secret at all (a job task's way in).
   */
  public enum AuthKind { PAT, OAUTH_M2M, RUNTIME }

  public PlatformConfig {
    host = normalizeHost(host);
    if (auth == null) {
      throw new IllegalArgumentException("Databricks: auth kind is required");
    }
    if (auth == AuthKind.PAT && blank(token)) {
      throw new IllegalArgumentException("Databricks: DATABRICKS_TOKEN is empty");
    }
    if (auth == AuthKind.OAUTH_M2M && (blank(clientId) || blank(clientSecret))) {
      throw new IllegalArgumentException("Databricks: DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET are required");
    }
    warehouseId = blank(warehouseId) ? null : warehouseId.strip();
    httpTimeout = httpTimeout == null ? Duration.ofSeconds(60) : httpTimeout;
  }

  public static PlatformConfig pat(String host, String token) {
    return new PlatformConfig(host, AuthKind.PAT, token, null, null, null, null);
  }

  public static PlatformConfig oauth(String host, String clientId, String clientSecret) {
    return new PlatformConfig(host, AuthKind.OAUTH_M2M, null, clientId, clientSecret, null, null);
  }

  /** The SDK's default identity at {@code host} (on a job cluster: the run's own); see {@link AuthKind#RUNTIME}. */
  public static PlatformConfig runtime(String host) {
    return new PlatformConfig(host, AuthKind.RUNTIME, null, null, null, null, null);
  }

  public PlatformConfig withWarehouse(String id) {
    return new PlatformConfig(host, auth, token, clientId, clientSecret, id, httpTimeout);
  }

  public PlatformConfig withHttpTimeout(Duration t) {
    return new PlatformConfig(host, auth, token, clientId, clientSecret, warehouseId, t);
  }

  /**
   * From the unified-auth variables: {@code DATABRICKS_HOST} with {@code DATABRICKS_TOKEN}, else with
   * {@code DATABRICKS_CLIENT_ID}/{@code DATABRICKS_CLIENT_SECRET}; {@code DATABRICKS_WAREHOUSE_ID} when set. For
   * mains only.
   */
  public static PlatformConfig fromEnv(Map<String, String> env) {
    String host = env.get("DATABRICKS_HOST");
    PlatformConfig c = !blank(env.get("DATABRICKS_TOKEN")) ? pat(host, env.get("DATABRICKS_TOKEN").strip())
        : oauth(host, env.get("DATABRICKS_CLIENT_ID"), env.get("DATABRICKS_CLIENT_SECRET"));
    return c.withWarehouse(env.get("DATABRICKS_WAREHOUSE_ID"));
  }

  /** Whether the environment names a workspace at all ({@code DATABRICKS_HOST}). */
  public static boolean present(Map<String, String> env) {
    return !blank(env.get("DATABRICKS_HOST"));
  }

  /** The warehouse id, or a precise error naming the missing key. */
  public String requireWarehouse() {
    if (warehouseId == null) {
      throw new IllegalArgumentException("Databricks: DATABRICKS_WAREHOUSE_ID (sql.warehouse_id) is empty");
    }
    return warehouseId;
  }

  @Override
  public String toString() { // no secret in logs
    return "PlatformConfig[host=" + host + ", auth=" + auth + ", clientId=" + clientId + ", warehouseId=" + warehouseId + "]";
  }

  /** {@code adb-1.2.azuredatabricks.net/} → {@code https://adb-1.2.azuredatabricks.net}. */
  public static String normalizeHost(String host) {
    if (blank(host)) {
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

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
