package io.datagent.retrieval.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.retrieval.IndexedDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WarehouseDocumentSourceTest {

  static final String STATEMENTS = "/api/2.0/sql/statements";

  LoopbackWorkspace ws;
  WarehouseDocumentSource source;

  @BeforeEach
  void start() throws Exception {
    ws = new LoopbackWorkspace();
    StatementExecution sql = new StatementExecution(ws.http(3, Duration.ofSeconds(5)), "wh-1", Duration.ofSeconds(5), Duration.ofMillis(10));
    source = new WarehouseDocumentSource(sql, "main.serving.document_embeddings", 2);
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  static String succeeded(String id, String columns, String rows, String next) {
    return "{\"statement_id\":\"" + id + "\",\"status\":{\"state\":\"SUCCEEDED\"},\"manifest\":{\"format\":\"JSON_ARRAY\","
        + "\"schema\":{\"column_count\":1,\"columns\":[" + columns + "]},\"total_chunk_count\":1,\"truncated\":false},"
        + "\"result\":{\"chunk_index\":0,\"row_offset\":0,\"data_array\":" + rows
        + (next == null ? "" : ",\"next_chunk_index\":1,\"next_chunk_internal_link\":\"" + next + "\"") + "}}";
  }

  static final String DOC_COLUMNS = "{\"name\":\"id\",\"type_name\":\"STRING\",\"position\":0},{\"name\":\"kind\"},{\"name\":\"table\"},"
      + "{\"name\":\"source_file\"},{\"name\":\"source_row\",\"type_name\":\"LONG\"},{\"name\":\"text\"},{\"name\":\"model\"},{\"name\":\"vector\"}";

  @Test
  void should_poll_a_running_statement_and_read_the_version_from_the_history() {
    // given: the warehouse answers PENDING first, then the result on GET
    ws.on(STATEMENTS, 200, "{\"statement_id\":\"s-1\",\"status\":{\"state\":\"PENDING\"}}");
    ws.on(STATEMENTS + "/s-1", 200, "{\"statement_id\":\"s-1\",\"status\":{\"state\":\"RUNNING\"}}");
    ws.on(STATEMENTS + "/s-1", 200, succeeded("s-1", "{\"name\":\"version\"},{\"name\":\"timestamp\"}", "[[\"12\",\"2026-01-01\"]]", null));

    // when
    long version = source.version();

    // then
    assertThat(version).isEqualTo(12);
    assertThat(ws.requests(STATEMENTS).get(0).body().path("statement").asText())
        .isEqualTo("DESCRIBE HISTORY `main`.`serving`.`document_embeddings` LIMIT 1");
    assertThat(ws.requests(STATEMENTS).get(0).body().path("warehouse_id").asText()).isEqualTo("wh-1");
    assertThat(ws.requests(STATEMENTS).get(0).body().path("disposition").asText()).isEqualTo("INLINE");
    assertThat(ws.requests(STATEMENTS + "/s-1")).hasSize(2);
  }

  @Test
  void should_read_every_page_of_the_pinned_version_following_chunks() {
    // given: page 1 (2 rows, in two chunks), then page 2 (1 row)
    ws.on(STATEMENTS, 200, succeeded("p1", DOC_COLUMNS,
        "[[\"a\",\"row\",\"t\",\"f.csv\",\"2\",\"Central: ABRO\",\"m\",\"[1.0,0.0]\"]]", "/api/2.0/sql/statements/p1/result/chunks/1"));
    ws.on(STATEMENTS + "/p1/result/chunks/1", 200,
        "{\"chunk_index\":1,\"row_offset\":1,\"data_array\":[[\"b\",\"table_card\",\"t\",null,null,\"Tabla t\",\"m\",\"[0.5,0.5]\"]]}");
    ws.on(STATEMENTS, 200, succeeded("p2", DOC_COLUMNS, "[[\"c\",\"passage\",null,\"_docs/g.md\",\"7\",\"Glosario\",\"m\",null]]", null));
    List<IndexedDocument> docs = new ArrayList<>();

    // when
    source.read(12, docs::add);

    // then
    assertThat(docs).extracting(IndexedDocument::id).containsExactly("a", "b", "c");
    assertThat(docs.get(0).sourceRow()).isEqualTo(2L);
    assertThat(docs.get(0).vector()).containsExactly(1.0f, 0.0f);
    assertThat(docs.get(1).sourceRow()).isNull();
    assertThat(docs.get(2).vector()).isNull();
    var second = ws.requests(STATEMENTS).get(1).body();
    assertThat(second.path("statement").asText()).contains("VERSION AS OF 12").contains("WHERE id > :after ORDER BY id LIMIT 2");
    assertThat(second.path("parameters").get(0).path("value").asText()).isEqualTo("b");
  }

  @Test
  void should_say_what_to_run_when_the_table_does_not_exist() {
    // given
    ws.on(STATEMENTS, 200, "{\"statement_id\":\"s-2\",\"status\":{\"state\":\"FAILED\",\"error\":{\"error_code\":\"BAD_REQUEST\","
        + "\"message\":\"[TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`serving`.`document_embeddings` cannot be found.\"}}}");

    // when / then
    assertThatThrownBy(() -> source.version()).isInstanceOf(IllegalStateException.class).hasMessageContaining("EmbedJob");
  }

  @Test
  void should_report_the_warehouse_error_when_a_statement_fails() {
    // given
    ws.on(STATEMENTS, 200, "{\"statement_id\":\"s-3\",\"status\":{\"state\":\"FAILED\",\"error\":{\"error_code\":\"BAD_REQUEST\","
        + "\"message\":\"[PARSE_SYNTAX_ERROR] Syntax error\"}}}");
    StatementExecution sql = new StatementExecution(ws.http(1, Duration.ofSeconds(5)), "wh-1");

    // when / then
    assertThatThrownBy(() -> sql.execute("SELEC 1", java.util.Map.of())).isInstanceOf(DatabricksApiException.class)
        .hasMessageContaining("FAILED").hasMessageContaining("PARSE_SYNTAX_ERROR");
  }
}
