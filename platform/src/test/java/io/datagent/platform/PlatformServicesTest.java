package io.datagent.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.platform.sql.StatementRequest;
import io.datagent.platform.sql.StatementResult;
import io.datagent.platform.sql.Statements;
import io.datagent.testkit.FakeSql.Col;
import io.datagent.testkit.FakeWorkspace;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformServicesTest {

  private final FakeWorkspace ws = new FakeWorkspace();
  private Platform platform;

  @BeforeEach
  void start() {
    ws.auth().allowToken("pat").allowToken("user-token");
    platform = new Platform(PlatformConfig.pat(ws.url(), "pat").withWarehouse("wh1"));
  }

  @AfterEach
  void close() {
    ws.close();
  }

  @Test
  void should_read_every_chunk_with_parameters_after_polling() {
    ws.sql().pendingPolls(2).chunkRows(2).answer("FROM t WHERE id > :after",
        List.of(new Col("id", "INT"), new Col("name", "STRING")),
        List.of(List.of("1", "a"), List.of("2", "b"), List.of("3", "c")));

    StatementResult r = new Statements(platform, "wh1", Duration.ofMillis(5))
        .execute(StatementRequest.of("SELECT * FROM t WHERE id > :after", Map.of("after", "0")));

    assertThat(r.rows()).containsExactly(List.of("1", "a"), List.of("2", "b"), List.of("3", "c"));
    assertThat(r.columns().get(0).typeName()).isEqualTo("INT");
    assertThat(ws.sql().received().get(0).path("parameters").get(0).path("name").asText()).isEqualTo("after");
    assertThat(ws.sql().received().get(0).path("warehouse_id").asText()).isEqualTo("wh1");
  }

  @Test
  void should_run_as_the_user_when_a_user_token_is_given() {
    ws.sql().answer("SELECT 1", List.of(new Col("x", "INT")), List.of(List.of("1")));

    platform.statements().execute(StatementRequest.of("SELECT 1", Map.of()), "user-token");

    assertThat(ws.calls("/api/2\\.0/sql/statements/?").get(0).authorization()).isEqualTo("Bearer user-token");
  }

  @Test
  void should_reuse_a_users_client_for_the_same_token_and_not_for_another() {
    assertThat(platform.forUser("user-token")).isSameAs(platform.forUser("user-token"))
        .isNotSameAs(platform.forUser("other-token")).isNotSameAs(platform.workspace());
  }

  @Test
  void should_cancel_and_say_so_in_spanish_when_the_statement_outlives_its_timeout() {
    ws.sql().pendingPolls(1000).answer("SELECT", List.of(), List.of());

    assertThatThrownBy(() -> new Statements(platform, "wh1", Duration.ofMillis(20)).execute(
        new StatementRequest("SELECT 2", Map.of(), null, null, 0, Duration.ofMillis(300))))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(Statements.TIMEOUT);
          assertThat(e.userMessage()).contains("se canceló");
        });
    assertThat(ws.sql().cancelled()).isTrue();
  }

  @Test
  void should_carry_the_warehouse_error_code_when_the_statement_fails() {
    ws.sql().failWith("missing", "TABLE_OR_VIEW_NOT_FOUND", "[TABLE_OR_VIEW_NOT_FOUND] missing");

    assertThatThrownBy(() -> platform.statements().execute(StatementRequest.of("SELECT * FROM missing", Map.of())))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.errorCode()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND"));
  }

  @Test
  void should_stream_chat_events_through_the_sdk_client() throws Exception {
    ws.serving().reply("chat", "hola mundo");

    try (InputStream in = platform.serving().stream().open("chat",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hola\"}],\"stream\":true}")) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(body).startsWith("data: {").contains("\"content\":\"hola \"").endsWith("data: [DONE]\n\n");
    }
    assertThat(ws.calls("/serving-endpoints/chat/invocations").get(0).authorization()).isEqualTo("Bearer pat");
  }

  @Test
  void should_embed_in_input_order() {
    ws.serving().dimension("emb", 4);

    var out = platform.serving().embed("emb", List.of("uno", "dos"));

    assertThat(out).extracting(e -> e.index()).containsExactly(0, 1);
    assertThat(out.get(0).vector()).hasSize(4);
  }

  @Test
  void should_upload_and_download_a_binary_volume_file_whose_name_has_a_space_and_an_accent(@TempDir Path dir) throws Exception {
    byte[] xlsx = {0x50, 0x4B, 0x03, 0x04, (byte) 0xFF, (byte) 0xC3, 0x28, 0x00};
    Path f = Files.write(dir.resolve("a.xlsx"), xlsx);

    platform.files().upload("/Volumes/main/raw/uploads/energía 2024.xlsx", f);

    assertThat(ws.store().file("/Volumes/main/raw/uploads/energía 2024.xlsx")).isEqualTo(xlsx);
    assertThat(platform.files().download("/Volumes/main/raw/uploads/energía 2024.xlsx")).isEqualTo(xlsx);
  }

  @Test
  void should_hand_out_a_lakebase_password() {
    assertThat(platform.lakebase().forInstance("datagent-db").token()).startsWith("pg-token-");
    assertThat(platform.bearerToken()).isEqualTo("pat");
    assertThat(ws.store().credentialsIssued()).isEqualTo(1);
  }
}
