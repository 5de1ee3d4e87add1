package io.datagent.retrieval.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.platform.PlatformException;
import io.datagent.platform.sql.StatementRequest;
import io.datagent.platform.sql.Statements;
import io.datagent.retrieval.IndexedDocument;
import io.datagent.testkit.FakeSql.Col;
import io.datagent.testkit.FakeWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WarehouseDocumentSourceTest {

  static final String STATEMENTS = "/api/2\\.0/sql/statements/?";
  static final List<Col> DOC_COLUMNS = List.of(new Col("id", "STRING"), new Col("kind", "STRING"), new Col("table", "STRING"),
      new Col("source_file", "STRING"), new Col("source_row", "LONG"), new Col("text", "STRING"), new Col("model", "STRING"),
      new Col("vector", "STRING"));

  FakeWorkspace ws;
  Statements sql;
  WarehouseDocumentSource source;

  @BeforeEach
  void start() {
    ws = new FakeWorkspace();
    ws.auth().allowToken("dapi-test");
    sql = new Statements(new Platform(PlatformConfig.pat(ws.url(), "dapi-test")), "wh-1", Duration.ofMillis(5));
    source = new WarehouseDocumentSource(sql, "main.serving.document_embeddings", 2);
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  @Test
  void should_poll_a_running_statement_and_read_the_version_from_the_history() {
    // given: the warehouse answers RUNNING first, then the result on a later GET
    ws.sql().pendingPolls(2).answer("DESCRIBE HISTORY", List.of(new Col("version", "LONG"), new Col("timestamp", "TIMESTAMP")),
        List.of(List.of("12", "2026-01-01")));

    // when
    long version = source.version();

    // then
    assertThat(version).isEqualTo(12);
    var body = ws.sql().received().get(0);
    assertThat(body.path("statement").asText()).isEqualTo("DESCRIBE HISTORY `main`.`serving`.`document_embeddings` LIMIT 1");
    assertThat(body.path("warehouse_id").asText()).isEqualTo("wh-1");
    assertThat(body.path("disposition").asText()).isEqualTo("INLINE");
    assertThat(ws.calls("/api/2\\.0/sql/statements/stmt-1")).hasSize(3);
  }

  @Test
  void should_read_every_page_of_the_pinned_version_following_chunks() {
    // given: page 1 (2 rows, in two chunks), then page 2 (1 row)
    ws.sql().chunkRows(1)
        .answerOnce("VERSION AS OF 12", DOC_COLUMNS, List.of(
            List.of("a", "row", "t", "f.csv", "2", "Central: ABRO", "m", "[1.0,0.0]"),
            Arrays.asList("b", "table_card", "t", null, null, "Tabla t", "m", "[0.5,0.5]")))
        .answerOnce("VERSION AS OF 12", DOC_COLUMNS, List.of(
            Arrays.asList("c", "passage", null, "_docs/g.md", "7", "Glosario", "m", null)));
    List<IndexedDocument> docs = new ArrayList<>();

    // when
    source.read(12, docs::add);

    // then
    assertThat(docs).extracting(IndexedDocument::id).containsExactly("a", "b", "c");
    assertThat(docs.get(0).sourceRow()).isEqualTo(2L);
    assertThat(docs.get(0).vector()).containsExactly(1.0f, 0.0f);
    assertThat(docs.get(1).sourceRow()).isNull();
    assertThat(docs.get(2).vector()).isNull();
    assertThat(ws.calls("/api/2\\.0/sql/statements/stmt-1/result/chunks/1")).hasSize(1);
    var second = ws.sql().received().get(1);
    assertThat(second.path("statement").asText()).contains("VERSION AS OF 12").contains("WHERE id > :after ORDER BY id LIMIT 2");
    assertThat(second.path("parameters").get(0).path("value").asText()).isEqualTo("b");
  }

  @Test
  void should_say_what_to_run_when_the_table_does_not_exist() {
    // given
    ws.sql().failWith("DESCRIBE HISTORY", "BAD_REQUEST",
        "[TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`serving`.`document_embeddings` cannot be found.");

    // when / then
    assertThatThrownBy(() -> source.version()).isInstanceOf(IllegalStateException.class).hasMessageContaining("EmbedJob");
  }

  @Test
  void should_report_the_warehouse_error_when_a_statement_fails() {
    // given
    ws.sql().failWith("SELEC 1", "BAD_REQUEST", "[PARSE_SYNTAX_ERROR] Syntax error");

    // when / then
    assertThatThrownBy(() -> sql.execute(StatementRequest.of("SELEC 1", Map.of()))).isInstanceOfSatisfying(PlatformException.class,
        e -> {
          assertThat(e.errorCode()).isEqualTo("PARSE_SYNTAX_ERROR");
          assertThat(e.getMessage()).contains("FAILED");
          assertThat(e.userMessage()).contains("Syntax error");
        });
  }
}
