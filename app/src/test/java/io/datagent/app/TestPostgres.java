package io.datagent.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL for the tests (zonky embedded binaries), started once per test JVM; each caller gets a fresh,
 * empty database of its own. Held in a static only so the 1-3 s start is paid once.
 */
public final class TestPostgres {

  private static EmbeddedPostgres postgres;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private TestPostgres() {}

  /** The port of the shared server (for code that builds its own connections). */
  public static synchronized int port() {
    freshDatabase();
    return postgres.getPort();
  }

  public static synchronized DataSource freshDatabase() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
      }
      String name = "t" + DATABASES.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      // pooled, as the App always is (each new PostgreSQL connection forks a backend)
      com.zaxxer.hikari.HikariConfig hc = new com.zaxxer.hikari.HikariConfig();
      hc.setDataSource(postgres.getDatabase("postgres", name));
      hc.setMaximumPoolSize(8);
      hc.setMinimumIdle(0);
      return new com.zaxxer.hikari.HikariDataSource(hc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
