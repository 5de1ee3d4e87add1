package io.datagent.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.agent.QueryResult;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.platform.sql.Statements;
import io.datagent.testkit.FakeSql.Col;
import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.FakeWorkspace.Fault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warehouse executor through the platform layer against the loopback workspace. */
class DatabricksSqlExecutorTest {

  static final String STATEMENTS = "/api/2\\.0/sql/statements/?";
  static final String SQL = "SELECT * FROM serving.potenciainstalada LIMIT 200";
  static final List<Col> COLUMNS = List.of(new Col("central", "STRING"), new Col("potencia_instalada_mw", "DECIMAL", "DECIMAL(38,3)"),
      new Col("_source_row", "LONG", "BIGINT"), new Col("periodo", "DATE"));
  static final List<List<String>> ROWS = List.of(List.of("ABRO", "25.000", "2", "2016-05-01"),
      Arrays.asList("ACAJ", null, "3", "2016-05-01"), List.of("ADTOHI", "150.000", "4", "2016-05-01"));

  FakeWorkspace ws;
  Platform platform;
  DatabricksSqlExecutor executor;

  @BeforeEach
  void start() {
    ws = new FakeWorkspace();
    ws.auth().allowToken("sp-token").allowToken("user-obo-token");
    platform = new Platform(PlatformConfig.pat(ws.url(), "sp-token").withWarehouse("wh-123"));
    executor = new DatabricksSqlExecutor(new Statements(platform, "wh-123", Duration.ofMillis(10)), "main", "serving");
    ws.sql().answer("potenciainstalada", COLUMNS, ROWS);
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  QueryResult run(Duration timeout, String userToken) throws SqlExecutionException {
    return executor.execute(SQL, 200, timeout, userToken);
  }

  @Test
  void should_return_typed_rows_and_send_inline_json_array_request_when_statement_succeeds() throws Exception {
    QueryResult r = run(Duration.ofSeconds(30), null);

    assertThat(r.columns()).containsExactly("central", "potencia_instalada_mw", "_source_row", "periodo");
    assertThat(r.types()).containsExactly("STRING", "DECIMAL(38,3)", "BIGINT", "DATE");
    assertThat(r.rows().get(0)).containsExactly("ABRO", new BigDecimal("25.000"), 2L, "2016-05-01");
    assertThat(r.rows().get(1)).containsExactly("ACAJ", null, 3L, "2016-05-01");
    assertThat(r.truncated()).isFalse();
    JsonNode body = ws.sql().received().get(0);
    assertThat(ws.calls(STATEMENTS).get(0).authorization()).isEqualTo("Bearer sp-token");
    assertThat(body.path("warehouse_id").asText()).isEqualTo("wh-123");
    assertThat(body.path("wait_timeout").asText()).isEqualTo("30s");
    assertThat(body.path("on_wait_timeout").asText()).isEqualTo("CANCEL");
    assertThat(body.path("row_limit").asInt()).isEqualTo(200);
    assertThat(body.path("disposition").asText()).isEqualTo("INLINE");
    assertThat(body.path("format").asText()).isEqualTo("JSON_ARRAY");
    assertThat(body.path("catalog").asText()).isEqualTo("main");
    assertThat(body.path("schema").asText()).isEqualTo("serving");
  }

  @Test
  void should_run_as_the_user_when_a_user_token_is_forwarded() throws Exception {
    run(Duration.ofSeconds(30), "user-obo-token");

    assertThat(ws.calls(STATEMENTS).get(0).authorization()).isEqualTo("Bearer user-obo-token");
  }

  @Test
  void should_poll_until_succeeded_and_fetch_every_chunk_when_statement_is_still_running() throws Exception {
    ws.sql().pendingPolls(1).chunkRows(2);

    QueryResult r = run(Duration.ofSeconds(30), null);

    assertThat(r.rows()).extracting(row -> row.get(0)).containsExactly("ABRO", "ACAJ", "ADTOHI");
    assertThat(ws.calls("/api/2\\.0/sql/statements/stmt-1")).hasSize(2);
    assertThat(ws.calls("/api/2\\.0/sql/statements/stmt-1/result/chunks/1")).hasSize(1);
  }

  @Test
  void should_report_sql_error_with_message_when_statement_fails() {
    ws.sql().failWith("potencia", "BAD_REQUEST", "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column with name `potencia_mw` cannot be resolved.");

    assertThatThrownBy(() -> run(Duration.ofSeconds(30), null)).isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("UNRESOLVED_COLUMN")
        .satisfies(e -> assertThat(((SqlExecutionException) e).kind()).isEqualTo(SqlExecutionException.Kind.SQL));
  }

  @Test
  void should_retry_when_warehouse_answers_429_then_succeed() throws Exception {
    ws.fail(STATEMENTS, Fault.retryAfter(429, 0));

    assertThat(run(Duration.ofSeconds(30), null).rows()).hasSize(3);
    assertThat(ws.calls(STATEMENTS)).hasSize(2);
  }

  @Test
  void should_report_unavailable_after_four_attempts_when_warehouse_keeps_failing_with_503() {
    for (int i = 0; i < 5; i++) {
      ws.fail(STATEMENTS, Fault.retryAfter(503, 0));
    }

    assertThatThrownBy(() -> run(Duration.ofSeconds(30), null)).isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("no está disponible")
        .satisfies(e -> assertThat(((SqlExecutionException) e).kind()).isEqualTo(SqlExecutionException.Kind.UNAVAILABLE));
    assertThat(ws.calls(STATEMENTS)).hasSize(4);
  }

  @Test
  void should_report_unavailable_without_retrying_when_permission_is_denied() {
    ws.fail(STATEMENTS, Fault.error(403, "PERMISSION_DENIED", "User does not have CAN_USE on warehouse"));

    assertThatThrownBy(() -> run(Duration.ofSeconds(30), null)).hasMessageContaining("No hay permiso")
        .satisfies(e -> assertThat(e.getCause().getMessage()).contains("CAN_USE"));
    assertThat(ws.calls(STATEMENTS)).hasSize(1);
  }

  @Test
  void should_cancel_and_report_timeout_when_statement_outlives_the_timeout() {
    ws.sql().pendingPolls(10_000);

    assertThatThrownBy(() -> run(Duration.ofMillis(300), null)).isInstanceOf(SqlExecutionException.class)
        .satisfies(e -> assertThat(((SqlExecutionException) e).kind()).isEqualTo(SqlExecutionException.Kind.TIMEOUT));
    assertThat(ws.calls("/api/2\\.0/sql/statements/stmt-1/cancel")).hasSize(1);
  }

  @Test
  void should_report_timeout_when_warehouse_cancelled_the_statement_at_wait_timeout() {
    ws.sql().endIn("potencia", "CANCELED");

    assertThatThrownBy(() -> run(Duration.ofSeconds(10), null)).hasMessageContaining("tiempo máximo");
  }

  @Test
  void should_get_and_reuse_oauth_token_when_client_credentials_are_configured() throws Exception {
    ws.auth().allowClient("app-id", "app-secret");
    Platform oauth = new Platform(PlatformConfig.oauth(ws.url(), "app-id", "app-secret"));
    DatabricksSqlExecutor sp = new DatabricksSqlExecutor(new Statements(oauth, "wh-123"), "main", "serving");

    sp.execute(SQL, 1, Duration.ofSeconds(10), null);
    sp.execute(SQL, 1, Duration.ofSeconds(10), null);

    assertThat(ws.auth().tokenRequests()).isEqualTo(1);
    assertThat(ws.calls("/oidc/v1/token").get(0).authorization()).startsWith("Basic ");
    assertThat(ws.calls(STATEMENTS)).extracting(FakeWorkspace.Call::authorization).allMatch(a -> a.startsWith("Bearer oauth-app-id"));
  }

  @Test
  void should_clamp_wait_timeout_to_api_range_when_timeout_is_long() throws Exception {
    run(Duration.ofSeconds(120), null);

    JsonNode body = ws.sql().received().get(0);
    assertThat(body.path("wait_timeout").asText()).isEqualTo("50s");
    assertThat(body.path("on_wait_timeout").asText()).isEqualTo("CONTINUE");
  }
}
