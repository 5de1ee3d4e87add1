package io.datagent.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.datagent.app.LoopbackServer;
import io.datagent.app.LoopbackServer.Reply;
import io.datagent.app.TestPostgres;
import io.datagent.app.databricks.DatabricksClient;
import io.datagent.app.databricks.TokenSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LakebaseTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  @Test
  void should_ask_for_a_database_credential_and_renew_it_before_it_expires_when_an_instance_is_named() {
    HandClock clock = new HandClock();
    AtomicInteger issued = new AtomicInteger();
    try (LoopbackServer dbx = new LoopbackServer(r -> Reply.json("{\"token\":\"pg-token-" + issued.incrementAndGet()
        + "\",\"expiration_time\":\"" + clock.now.plus(Duration.ofHours(1)) + "\"}"))) {
      Lakebase.Config cfg = Lakebase.Config.fromEnv(Map.of("PGHOST", "127.0.0.1", "PGDATABASE", "databricks_postgres",
          "PGUSER", "0000-sp-client-id", "LAKEBASE_INSTANCE_NAME", "datagent-state"));
      DatabricksClient client = new DatabricksClient(DatabricksClient.hostUri(dbx.url()), TokenSource.fixed("ws-token"), new JsonCodec());
      TokenSource passwords = Lakebase.passwords(cfg, client, TokenSource.fixed("ws-token"), clock);

      assertThat(passwords.token()).isEqualTo("pg-token-1");
      clock.now = clock.now.plus(Duration.ofMinutes(50));
      assertThat(passwords.token()).isEqualTo("pg-token-1");
      clock.now = clock.now.plus(Duration.ofMinutes(6)); // 4 minutes left: renewed
      assertThat(passwords.token()).isEqualTo("pg-token-2");

      LoopbackServer.Received first = dbx.received.get(0);
      assertThat(first.path()).isEqualTo("/api/2.0/database/credentials");
      assertThat(first.authorization()).isEqualTo("Bearer ws-token");
      assertThat(first.text()).contains("\"instance_names\":[\"datagent-state\"]", "\"request_id\"");
    }
  }

  @Test
  void should_use_the_autoscaling_endpoint_credential_when_an_endpoint_is_named() {
    try (LoopbackServer dbx = new LoopbackServer(r -> Reply.json("{\"token\":\"ep\",\"expire_time\":\"2099-01-01T00:00:00Z\"}"))) {
      Lakebase.Config cfg = Lakebase.Config.fromEnv(Map.of("PGHOST", "h", "PGDATABASE", "d", "PGUSER", "u",
          "LAKEBASE_ENDPOINT", "projects/p/branches/main/endpoints/ep-1"));
      DatabricksClient client = new DatabricksClient(DatabricksClient.hostUri(dbx.url()), TokenSource.fixed("w"), new JsonCodec());
      assertThat(Lakebase.passwords(cfg, client, TokenSource.fixed("w"), Clock.systemUTC()).token()).isEqualTo("ep");
      assertThat(dbx.received.get(0).path()).isEqualTo("/api/2.0/postgres/credentials");
      assertThat(dbx.received.get(0).text()).contains("projects/p/branches/main/endpoints/ep-1");
    }
  }

  @Test
  void should_log_in_with_the_current_token_as_password_when_the_pool_opens_a_connection() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    Lakebase.Config cfg = new Lakebase.Config("127.0.0.1", TestPostgres.port(), "postgres", "postgres", "disable", null, null);
    try (HikariDataSource ds = Lakebase.dataSource(cfg, () -> "token-" + asked.incrementAndGet(), 2);
        Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT current_user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("postgres");
      assertThat(asked.get()).isPositive();
    }
  }

  @Test
  void should_name_the_missing_variable_when_the_database_resource_is_absent() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Lakebase.Config.fromEnv(Map.of("PGHOST", "h")))
        .hasMessageContaining("PGDATABASE");
  }
}
