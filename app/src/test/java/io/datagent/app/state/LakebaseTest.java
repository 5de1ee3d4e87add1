package io.datagent.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.datagent.app.TestPostgres;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.FakeWorkspace.Reply;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LakebaseTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  static Platform platform(FakeWorkspace ws) {
    ws.auth().allowToken("ws-token");
    return new Platform(PlatformConfig.pat(ws.url(), "ws-token"));
  }

  @Test
  void should_ask_for_a_database_credential_and_renew_it_before_it_expires_when_an_instance_is_named() {
    HandClock clock = new HandClock();
    AtomicInteger issued = new AtomicInteger();
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.route("POST", "/api/2\\.0/database/credentials", (c, b) -> Reply.json("{\"token\":\"pg-token-" + issued.incrementAndGet()
          + "\",\"expiration_time\":\"" + clock.now.plus(Duration.ofHours(1)) + "\"}"));
      Lakebase.Config cfg = Lakebase.Config.fromEnv(Map.of("PGHOST", "127.0.0.1", "PGDATABASE", "databricks_postgres",
          "PGUSER", "0000-sp-client-id", "LAKEBASE_INSTANCE_NAME", "datagent-state"));
      Platform platform = platform(ws);
      Supplier<String> passwords = Lakebase.passwords(cfg, platform.lakebase(), platform::bearerToken, clock);

      assertThat(passwords.get()).isEqualTo("pg-token-1");
      clock.now = clock.now.plus(Duration.ofMinutes(50));
      assertThat(passwords.get()).isEqualTo("pg-token-1");
      clock.now = clock.now.plus(Duration.ofMinutes(6)); // 4 minutes left: renewed
      assertThat(passwords.get()).isEqualTo("pg-token-2");

      FakeWorkspace.Call first = ws.calls("/api/2\\.0/database/credentials").get(0);
      assertThat(first.authorization()).isEqualTo("Bearer ws-token");
      assertThat(first.body()).contains("\"instance_names\":[\"datagent-state\"]", "\"request_id\"");
    }
  }

  @Test
  void should_use_the_autoscaling_endpoint_credential_when_an_endpoint_is_named() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      Lakebase.Config cfg = Lakebase.Config.fromEnv(Map.of("PGHOST", "h", "PGDATABASE", "d", "PGUSER", "u",
          "LAKEBASE_ENDPOINT", "projects/p/branches/main/endpoints/ep-1"));
      Platform platform = platform(ws);
      assertThat(Lakebase.passwords(cfg, platform.lakebase(), platform::bearerToken, Clock.systemUTC()).get()).startsWith("pg-token-");
      assertThat(ws.calls("/api/2\\.0/postgres/credentials").get(0).body()).contains("projects/p/branches/main/endpoints/ep-1");
    }
  }

  @Test
  void should_log_in_with_the_workspace_token_when_no_instance_or_endpoint_is_named() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      Lakebase.Config cfg = Lakebase.Config.fromEnv(Map.of("PGHOST", "h", "PGDATABASE", "d", "PGUSER", "u"));
      Platform platform = platform(ws);
      assertThat(Lakebase.passwords(cfg, platform.lakebase(), platform::bearerToken, Clock.systemUTC()).get()).isEqualTo("ws-token");
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
