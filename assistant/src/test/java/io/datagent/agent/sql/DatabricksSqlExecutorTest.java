package io.datagent.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.QueryResult;
import io.datagent.agent.databricks.DatabricksHttp;
import io.datagent.agent.databricks.DatabricksToken;
import io.datagent.agent.databricks.DatabricksWorkspace;
import io.datagent.agent.databricks.LoopbackHttp;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Statement Execution API client against a loopback server speaking the API's JSON, errors included. */
class DatabricksSqlExecutorTest {

  static final String STATEMENTS = "/api/2.0/sql/statements";
  static final String MANIFEST = "\"manifest\":{\"format\":\"JSON_ARRAY\",\"schema\":{\"column_count\":4,\"columns\":["
      + "{\"name\":\"central\",\"type_text\":\"STRING\",\"type_name\":\"STRING\",\"position\":0},"
      + "{\"name\":\"potencia_instalada_mw\",\"type_text\":\"DECIMAL(38,3)\",\"type_name\":\"DECIMAL\",\"position\":1},"
      + "{\"name\":\"_source_row\",\"type_text\":\"BIGINT\",\"type_name\":\"LONG\",\"position\":2},"
      + "{\"name\":\"periodo\",\"type_text\":\"DATE\",\"type_name\":\"DATE\",\"position\":3}]},"
      + "\"total_chunk_count\":1,\"total_row_count\":2,\"truncated\":false}";
  static final String SUCCEEDED = "{\"statement_id\":\"01ef-abc\",\"status\":{\"state\":\"SUCCEEDED\"}," + MANIFEST
      + ",\"result\":{\"chunk_index\":0,\"row_offset\":0,\"row_count\":2,\"data_array\":[[\"ABRO\",\"25.000\",\"2\",\"2016-05-01\"],"
      + "[\"ACAJ\",null,\"3\",\"2016-05-01\"]]}}";

  LoopbackHttp http;
  DatabricksSqlExecutor executor;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() throws Exception {
    http = new LoopbackHttp();
    executor = new DatabricksSqlExecutor(new DatabricksWorkspace(new DatabricksHttp(http.host()), DatabricksToken.of("sp-token")),
        "wh-123", "main", "serving", Duration.ofMillis(20));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  QueryResult run(Duration timeout, String userToken) throws SqlExecutionException {
    return executor.execute("SELECT * FROM serving.potenciainstalada LIMIT 200", 200, timeout, userToken);
  }

  @Test
  void should_return_typed_rows_and_send_inline_json_array_request_when_statement_succeeds() throws Exception {
    http.on("POST " + STATEMENTS, 200, SUCCEEDED);

    QueryResult r = run(Duration.ofSeconds(30), null);

    assertThat(r.columns()).containsExactly("central", "potencia_instalada_mw", "_source_row", "periodo");
    assertThat(r.types()).containsExactly("STRING", "DECIMAL(38,3)", "BIGINT", "DATE");
    assertThat(r.rows().get(0)).containsExactly("ABRO", new BigDecimal("25.000"), 2L, "2016-05-01");
    assertThat(r.rows().get(1)).containsExactly("ACAJ", null, 3L, "2016-05-01");
    assertThat(r.truncated()).isFalse();
    LoopbackHttp.Request sent = http.requests("POST", STATEMENTS).get(0);
    JsonNode body = json.readTree(sent.body());
    assertThat(sent.authorization()).isEqualTo("Bearer sp-token");
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
    http.on("POST " + STATEMENTS, 200, SUCCEEDED);

    run(Duration.ofSeconds(30), "user-obo-token");

    assertThat(http.requests("POST", STATEMENTS).get(0).authorization()).isEqualTo("Bearer user-obo-token");
  }

  @Test
  void should_poll_until_succeeded_when_statement_is_still_running() throws Exception {
    http.on("POST " + STATEMENTS, 200, "{\"statement_id\":\"01ef-abc\",\"status\":{\"state\":\"PENDING\"}}")
        .on("GET " + STATEMENTS + "/01ef-abc", 200, "{\"statement_id\":\"01ef-abc\",\"status\":{\"state\":\"RUNNING\"}}")
        .on("GET " + STATEMENTS + "/01ef-abc", 200, SUCCEEDED);

    QueryResult r = run(Duration.ofSeconds(30), null);

    assertThat(r.rows()).hasSize(2);
    assertThat(http.requests("GET", STATEMENTS + "/01ef-abc")).hasSize(2);
  }

  @Test
  void should_fetch_next_chunk_when_result_continues() throws Exception {
    String first = SUCCEEDED.replace("]]}}", "]],\"next_chunk_index\":1,\"next_chunk_internal_link\":\"" + STATEMENTS
        + "/01ef-abc/result/chunks/1\"}}");
    http.on("POST " + STATEMENTS, 200, first).on("GET " + STATEMENTS + "/01ef-abc/result/chunks/1", 200,
        "{\"chunk_index\":1,\"row_offset\":2,\"row_count\":1,\"data_array\":[[\"ADTOHI\",\"150.000\",\"4\",\"2016-05-01\"]]}");

    QueryResult r = run(Duration.ofSeconds(30), null);

    assertThat(r.rows()).extracting(row -> row.get(0)).containsExactly("ABRO", "ACAJ", "ADTOHI");
  }

  @Test
  void should_report_sql_error_with_message_when_statement_fails() {
    http.on("POST " + STATEMENTS, 200, "{\"statement_id\":\"01ef-x\",\"status\":{\"state\":\"FAILED\",\"error\":{\"error_code\":"
        + "\"BAD_REQUEST\",\"message\":\"[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column with name `potencia_mw` cannot be resolved.\"},"
        + "\"sql_state\":\"42703\"}}");

    assertThatThrownBy(() -> run(Duration.ofSeconds(30), null)).isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("UNRESOLVED_COLUMN")
        .satisfies(e -> assertThat(((SqlExecutionException) e).kind()).isEqualTo(SqlExecutionException.Kind.SQL));
  }

  @Test
  void should_retry_when_warehouse_answers_429_then_succeed() throws Exception {
    http.on("POST " + STATEMENTS, 429, "{\"error_code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many requests\"}", Map.of("Retry-After", "0"))
        .on("POST " + STATEMENTS, 200, SUCCEEDED);

    assertThat(run(Duration.ofSeconds(30), null).rows()).hasSize(2);
    assertThat(http.requests("POST", STATEMENTS)).hasSize(2);
  }

  @Test
  void should_report_unavailable_when_warehouse_keeps_failing_with_5xx() {
    http.on("POST " + STATEMENTS, 503, "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"warehouse starting\"}");

    assertThatThrownBy(() -> run(Duration.ofSeconds(30), null)).isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("HTTP 503").hasMessageContaining("warehouse starting")
        .satisfies(e -> assertThat(((SqlExecutionException) e).kind()).isEqualTo(SqlExecutionException.Kind.UNAVAILABLE));
    assertThat(http.requests("POST", STATEMENTS)).hasSize(4);
  }

  @Test
  void should_report_unavailable_without_retrying_when_permission_is_denied() {
    http.on("POST " + STATEMENTS, 403, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"User does not have CAN_USE on warehouse\"}");

    assertThatThrownBy(() -> run(Duration.ofSeconds(30), null)).hasMessageContaining("Sin permiso").hasMessageContaining("CAN_USE");
    assertThat(http.requests("POST", STATEMENTS)).hasSize(1);
  }

  @Test
  void should_cancel_and_report_timeout_when_statement_outlives_the_timeout() {
    http.on("POST " + STATEMENTS, 200, "{\"statement_id\":\"01ef-slow\",\"status\":{\"state\":\"RUNNING\"}}")
        .on("GET " + STATEMENTS + "/01ef-slow", 200, "{\"statement_id\":\"01ef-slow\",\"status\":{\"state\":\"RUNNING\"}}")
        .on("POST " + STATEMENTS + "/01ef-slow/cancel", 200, "{}");

    assertThatThrownBy(() -> run(Duration.ofMillis(300), null)).isInstanceOf(SqlExecutionException.class)
        .satisfies(e -> assertThat(((SqlExecutionException) e).kind()).isEqualTo(SqlExecutionException.Kind.TIMEOUT));
    assertThat(http.requests("POST", STATEMENTS + "/01ef-slow/cancel")).hasSize(1);
  }

  @Test
  void should_report_timeout_when_warehouse_cancelled_the_statement_at_wait_timeout() {
    http.on("POST " + STATEMENTS, 200, "{\"statement_id\":\"01ef-c\",\"status\":{\"state\":\"CANCELED\"}}");

    assertThatThrownBy(() -> run(Duration.ofSeconds(10), null)).hasMessageContaining("tiempo máximo");
  }

  @Test
  void should_get_and_reuse_oauth_token_when_client_credentials_are_configured() throws Exception {
    http.on("POST /oidc/v1/token", 200, "{\"access_token\":\"oauth-abc\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
        .on("POST " + STATEMENTS, 200, SUCCEEDED);
    DatabricksWorkspace ws = DatabricksWorkspace.fromEnv(Map.of("DATABRICKS_HOST", http.host(),
        "DATABRICKS_CLIENT_ID", "app-id", "DATABRICKS_CLIENT_SECRET", "app-secret"));
    DatabricksSqlExecutor oauth = new DatabricksSqlExecutor(ws, "wh-123", "main", "serving");

    oauth.execute("SELECT 1 LIMIT 1", 1, Duration.ofSeconds(10), null);
    oauth.execute("SELECT 1 LIMIT 1", 1, Duration.ofSeconds(10), null);

    assertThat(http.requests("POST", "/oidc/v1/token")).hasSize(1);
    assertThat(http.requests("POST", "/oidc/v1/token").get(0).authorization()).startsWith("Basic ");
    assertThat(http.requests("POST", "/oidc/v1/token").get(0).body()).contains("grant_type=client_credentials");
    assertThat(http.requests("POST", STATEMENTS)).extracting(LoopbackHttp.Request::authorization)
        .containsOnly("Bearer oauth-abc");
  }

  @Test
  void should_clamp_wait_timeout_to_api_range_when_timeout_is_long() throws Exception {
    http.on("POST " + STATEMENTS, 200, SUCCEEDED);

    run(Duration.ofSeconds(120), null);

    JsonNode body = json.readTree(http.requests("POST", STATEMENTS).get(0).body());
    assertThat(body.path("wait_timeout").asText()).isEqualTo("50s");
    assertThat(body.path("on_wait_timeout").asText()).isEqualTo("CONTINUE");
  }
}
