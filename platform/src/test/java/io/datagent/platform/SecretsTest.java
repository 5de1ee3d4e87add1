package io.datagent.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.testkit.FakeSql.Col;
import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.FakeWorkspace.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretsTest {

  private final FakeWorkspace ws = new FakeWorkspace();

  @BeforeEach
  void start() {
    ws.auth().allowToken("sp");
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private Platform platform(String warehouse) {
    return new Platform(PlatformConfig.pat(ws.url(), "sp").withWarehouse(warehouse));
  }

  /** The secrets API as a workspace answers a caller outside a notebook. */
  private void outsideNotebook() {
    ws.route("GET", "/api/2\\.0/secrets/get",
        (c, b) -> Reply.error(400, "BAD_REQUEST", "This operation is not allowed outside databricks notebooks."));
  }

  @Test
  void should_decode_the_value_when_the_secrets_api_answers() {
    ws.route("GET", "/api/2\\.0/secrets/get", (c, b) -> Reply.json(Map.of("key", "k",
        "value", Base64.getEncoder().encodeToString("clave-ñ".getBytes(StandardCharsets.UTF_8)))));

    assertThat(platform(null).secrets().read("datagent", "llm-api-key")).contains("clave-ñ");
    assertThat(FakeWorkspace.query(ws.calls("/api/2\\.0/secrets/get").get(0))).containsEntry("scope", "datagent")
        .containsEntry("key", "llm-api-key");
  }

  @Test
  void should_read_with_try_secret_on_the_warehouse_when_the_api_is_refused_outside_a_notebook() {
    outsideNotebook();
    ws.sql().answer("try_secret\\('datagent', 'smtp-password'\\)", List.of(new Col("value", "STRING")),
        List.of(List.of("correo-clave")));
    ws.sql().answer("try_secret\\('datagent', 'webhook-secret'\\)", List.of(new Col("value", "STRING")),
        List.of(Arrays.asList((String) null)));

    Platform p = platform("wh1");

    assertThat(p.secrets().read("datagent", "smtp-password")).contains("correo-clave");
    assertThat(p.secrets().read("datagent", "webhook-secret")).isEmpty();
    assertThat(ws.sql().received().get(0).path("warehouse_id").asText()).isEqualTo("wh1");
  }

  @Test
  void should_be_empty_when_the_key_does_not_exist() {
    ws.route("GET", "/api/2\\.0/secrets/get", (c, b) -> Reply.error(404, "RESOURCE_DOES_NOT_EXIST",
        "Secret does not exist with scope: datagent and key: llm-api-key"));

    assertThat(platform("wh1").secrets().read("datagent", "llm-api-key")).isEmpty();
    assertThat(ws.sql().received()).isEmpty();
  }

  @Test
  void should_report_the_refusal_when_no_warehouse_can_read_the_secret_instead() {
    outsideNotebook();

    assertThatThrownBy(() -> platform(null).secrets().read("datagent", "llm-api-key"))
        .isInstanceOf(PlatformException.class).hasMessageContaining("outside databricks notebooks");
  }

  @Test
  void should_refuse_a_scope_name_that_is_not_a_databricks_name_before_writing_it_into_sql() {
    outsideNotebook();

    assertThatThrownBy(() -> platform("wh1").secrets().read("datagent') OR ('1", "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ws.sql().received()).isEmpty();
  }
}
