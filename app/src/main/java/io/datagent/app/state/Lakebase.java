package io.datagent.app.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.datagent.platform.lakebase.LakebaseCredentials;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Databricks side of the App's state: Lakebase (managed PostgreSQL) over the PostgreSQL JDBC driver, logging in as
 * the App's service principal with a short-lived OAuth token as password.
 *
 * <p>The App's {@code database} resource injects PGHOST, PGPORT, PGDATABASE, PGUSER (the principal's client id) and
 * PGSSLMODE. The password is a database credential from the platform layer ({@link LakebaseCredentials}) for a
 * Lakebase Provisioned instance (LAKEBASE_INSTANCE_NAME) or an Autoscaling endpoint (LAKEBASE_ENDPOINT), else the
 * principal's workspace OAuth token itself. Tokens last an hour and are only checked at login, so every new pooled
 * connection asks {@link ExpiringPassword} for one, renewed five minutes before expiry, and
 * connections are recycled every 45 minutes.
 */
public final class Lakebase {

  /** Connection settings from the App's environment. */
  public record Config(String host, int port, String database, String user, String sslMode, String instanceName,
      String endpoint) {

    public static Config fromEnv(Map<String, String> env) {
      String host = require(env, "PGHOST");
      return new Config(host, Integer.parseInt(env.getOrDefault("PGPORT", "5432")), require(env, "PGDATABASE"),
          require(env, "PGUSER"), env.getOrDefault("PGSSLMODE", "require"), blankToNull(env.get("LAKEBASE_INSTANCE_NAME")),
          blankToNull(env.get("LAKEBASE_ENDPOINT")));
    }

    private static String require(Map<String, String> env, String key) {
      String v = env.get(key);
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(key + " no está definida: añade a la App el recurso «database» (Lakebase)");
      }
      return v;
    }

    private static String blankToNull(String v) {
      return v == null || v.isBlank() ? null : v;
    }
  }

  private Lakebase() {}

  /**
   * The password source for {@code cfg}: a database credential when an instance or endpoint is named, else
   * {@code workspaceToken} (the principal's OAuth token).
   */
  public static Supplier<String> passwords(Config cfg, LakebaseCredentials credentials, Supplier<String> workspaceToken,
      Clock clock) {
    if (cfg.instanceName() == null && cfg.endpoint() == null) {
      return workspaceToken;
    }
    return new ExpiringPassword(() -> {
      LakebaseCredentials.Credential c = cfg.endpoint() != null ? credentials.forEndpoint(cfg.endpoint())
          : credentials.forInstance(cfg.instanceName());
      Instant until = c.expiresAt() == null ? clock.instant().plus(Duration.ofHours(1)) : c.expiresAt();
      return new ExpiringPassword.Issued(c.token(), until);
    }, Duration.ofMinutes(5), clock);
  }

  /** A pool whose every new connection logs in with a fresh token. */
  public static HikariDataSource dataSource(Config cfg, Supplier<String> passwords, int maxPool) {
    PGSimpleDataSource pg = new PGSimpleDataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return super.getConnection(cfg.user(), passwords.get());
      }
    };
    pg.setServerNames(new String[] {cfg.host()});
    pg.setPortNumbers(new int[] {cfg.port()});
    pg.setDatabaseName(cfg.database());
    pg.setSslMode(cfg.sslMode());
    pg.setApplicationName("datagent-app");
    HikariConfig hc = new HikariConfig();
    hc.setDataSource(pg);
    hc.setPoolName("lakebase");
    hc.setMaximumPoolSize(maxPool);
    hc.setMinimumIdle(1);
    hc.setMaxLifetime(Duration.ofMinutes(45).toMillis());
    hc.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    hc.setInitializationFailTimeout(-1); // start even if Lakebase is briefly away; /ready says so
    return new HikariDataSource(hc);
  }
}
