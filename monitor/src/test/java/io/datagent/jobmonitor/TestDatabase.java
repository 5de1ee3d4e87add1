package io.datagent.jobmonitor;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL (zonky embedded, started once per test JVM) and a fresh database per call, so tests never see
 * each other's rows. The agent's trace tables are created with exactly the App's DDL when asked.
 */
public final class TestDatabase {

  private static EmbeddedPostgres pg;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabase() {}

  public static synchronized DataSource fresh() {
    try {
      if (pg == null) {
        pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            pg.close();
          } catch (IOException ignored) {
            // the JVM is going anyway
          }
        }));
      }
      String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
      exec(pg.getPostgresDatabase(), "create database " + name);
      return pg.getDatabase("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The App's trace tables, with exactly the DDL of the interface agreed with the App. */
  public static void createAppTraceTables(DataSource ds) {
    exec(ds, "create schema if not exists app");
    exec(ds, """
        create table app.traces(id uuid primary key, created_at timestamptz, user_email text, conversation_id uuid,
          question text, answer text, mode text, sql jsonb, tool_calls jsonb, sources jsonb, latency_ms integer,
          prompt_tokens integer, completion_tokens integer, error text)""");
    exec(ds, """
        create table app.feedback(id bigserial, trace_id uuid references app.traces, user_email text,
          rating smallint, comment text, created_at timestamptz)""");
  }

  public static void exec(DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
