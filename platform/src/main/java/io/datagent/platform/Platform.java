package io.datagent.platform;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import io.datagent.platform.files.VolumeFiles;
import io.datagent.platform.jobs.PlatformJobs;
import io.datagent.platform.lakebase.LakebaseCredentials;
import io.datagent.platform.serving.Serving;
import io.datagent.platform.sql.Statements;
import io.datagent.platform.secrets.Secrets;
import io.datagent.platform.vectorsearch.VectorSearch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one door to Databricks: one {@link WorkspaceClient} built from one {@link PlatformConfig}, the
 * services the project calls (Jobs, SQL statements, Files, Serving, Vector Search, Lakebase credentials) and the
 * on-behalf-of-user client. Every call goes through {@link #call}, which maps SDK errors to
 * {@link PlatformException}.
 *
 * <p>Retries are the SDK's ({@code ApiClient}: at most 4 attempts; 429 and 503 honour {@code Retry-After}; other
 * 5xx are retried only on the requests the SDK knows to be idempotent). On top of them, a 401 of a service
 * principal's call rebuilds the client once, so an OAuth token revoked or expired early is fetched again from
 * {@code /oidc/v1/token} and the call is sent once more.
 */
public final class Platform {

  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  private static final int USER_CLIENTS = 256;

  private final PlatformConfig config;
  private volatile WorkspaceClient client;
  /** Recent users' clients by token digest: a new client resolves its config (and may ask the host) first. */
  private final Map<String, WorkspaceClient> userClients = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, WorkspaceClient> eldest) {
      return size() > USER_CLIENTS;
    }
  };

  public Platform(PlatformConfig config) {
    this.config = config;
    this.client = build(config);
  }

  public PlatformConfig config() {
    return config;
  }

  /** The process's SDK client (for an API this class does not wrap yet; prefer {@link #call}). */
  public WorkspaceClient workspace() {
    return client;
  }

  /**
   * A client acting as the user whose token the App was forwarded ({@code X-Forwarded-Access-Token}). Built with
   * {@code authType=pat}: the App's env also holds its service principal's secret and the SDK refuses two
   * authorization methods otherwise. No client secret goes in.
   */
  public WorkspaceClient forUser(String userToken) {
    if (userToken == null || userToken.isBlank()) {
      throw new IllegalArgumentException("Databricks: the forwarded user token is empty");
    }
    String key = digest(userToken);
    synchronized (userClients) {
      return userClients.computeIfAbsent(key, k -> new WorkspaceClient(new DatabricksConfig().setHost(config.host())
          .setToken(userToken).setAuthType("pat").setHttpTimeoutSeconds((int) Math.max(1, config.httpTimeout().toSeconds()))));
    }
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The process's current bearer token, from the SDK's own auth ({@code DatabricksConfig.authenticate()}), for a
   * protocol the SDK does not speak (a PostgreSQL login, OTLP traces to the workspace). Never log it.
   */
  public String bearerToken() {
    String h = call(Operation.of("authenticate to the workspace", "autenticarse en Databricks"),
        w -> w.config().authenticate().get("Authorization"));
    if (h == null || !h.startsWith("Bearer ")) {
      throw new PlatformException(0, "NO_BEARER", "the workspace auth gave no bearer token",
          "No se obtuvo un token de Databricks.", null);
    }
    return h.substring("Bearer ".length());
  }

  /** Runs {@code fn} on the service principal's client; a 401 refreshes the credentials once. */
  public <T> T call(Operation op, Function<WorkspaceClient, T> fn) {
    return call(op, null, fn);
  }

  /** Runs {@code fn} as the user of {@code userToken} (or the service principal when it is null or blank). */
  public <T> T call(Operation op, String userToken, Function<WorkspaceClient, T> fn) {
    boolean asUser = userToken != null && !userToken.isBlank();
    WorkspaceClient w = asUser ? forUser(userToken) : client;
    try {
      return fn.apply(w);
    } catch (RuntimeException e) {
      PlatformException p = PlatformException.of(op, e);
      if (p.status() != 401 || asUser || config.auth() != PlatformConfig.AuthKind.OAUTH_M2M) {
        throw p;
      }
      LOG.info("{}: HTTP 401 with the service principal's token; fetching a new OAuth token and trying once more",
          op.english());
      refresh(w);
      try {
        return fn.apply(client);
      } catch (RuntimeException again) {
        throw PlatformException.of(op, again);
      }
    }
  }

  private synchronized void refresh(WorkspaceClient failed) {
    if (client == failed) {
      client = build(config);
    }
  }

  public PlatformJobs jobs() {
    return new PlatformJobs(this);
  }

  public Statements statements() {
    return new Statements(this, config.requireWarehouse());
  }

  public VolumeFiles files() {
    return new VolumeFiles(this);
  }

  public Serving serving() {
    return new Serving(this);
  }

  public VectorSearch vectorSearch() {
    return new VectorSearch(this);
  }

  public Secrets secrets() {
    return new Secrets(this);
  }

  public LakebaseCredentials lakebase() {
    return new LakebaseCredentials(this);
  }

  static WorkspaceClient build(PlatformConfig c) {
    DatabricksConfig d = new DatabricksConfig().setHost(c.host())
        .setHttpTimeoutSeconds((int) Math.max(1, c.httpTimeout().toSeconds()));
    if (c.auth() == PlatformConfig.AuthKind.PAT) {
      d.setToken(c.token()).setAuthType("pat");
    } else if (c.auth() == PlatformConfig.AuthKind.OAUTH_M2M) {
      d.setClientId(c.clientId()).setClientSecret(c.clientSecret()).setAuthType("oauth-m2m");
    } // RUNTIME: no credential set, the SDK's default chain resolves one
    return new WorkspaceClient(d);
  }
}
