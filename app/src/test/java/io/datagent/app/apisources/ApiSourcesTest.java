package io.datagent.app.apisources;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.testkit.FakeWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Datos page's API sources, read from what the jobs leave: the Volume's files (through the platform's Files API
 * against the fake workspace, or a local folder) and the ingestion log and quarantine rows the warehouse returns.
 */
class ApiSourcesTest {

  static final String VOLUME = "/Volumes/main/raw/uploads";
  static final String BLOG = "source: blog\nbase_url: https://ejemplo.es\nincremental:\n  param: modified_after\n  field: modified\n"
      + "endpoints:\n  - path: /wp-json/wp/v2/posts\n    table: entradas_blog\n    id: id\n";

  /** The warehouse: the log's and the quarantine's rows, as the two queries ask for them. */
  static SqlExecutor warehouse(List<List<Object>> log, List<List<Object>> quarantine) {
    return (sql, max, timeout, token) -> {
      if (sql.contains("_ingestion_log")) {
        return new QueryResult(List.of("dataset", "table", "status", "rows_read", "rows_loaded", "rows_quarantined", "message",
            "batch_id"), List.of(), log, false);
      }
      if (sql.contains("_quarantine")) {
        return new QueryResult(List.of("table", "source_file", "source_row", "column", "value", "reason", "batch_id",
            "quarantined_at"), List.of(), quarantine, false);
      }
      throw new SqlExecutionException(SqlExecutionException.Kind.SQL, "[TABLE_OR_VIEW_NOT_FOUND] " + sql);
    };
  }

  @Test
  void should_report_the_last_run_mark_and_errors_by_page_and_field_when_reading_the_volume_on_databricks() throws Exception {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.auth().allowToken("sp-token");
      ws.store().putFile(VOLUME + "/api/_sources/blog.yml", BLOG.getBytes(StandardCharsets.UTF_8))
          .putFile(VOLUME + "/api/blog/_state.json", ("{\"high_water_mark\":\"2023-04-02T10:00:00\",\"last_run\":\"r7\","
              + "\"last_status\":\"LOADED\",\"last_error\":null,\"updated_at\":\"2026-12-07T05:01:00Z\"}").getBytes(StandardCharsets.UTF_8))
          .putFile(VOLUME + "/api/blog/r7/entradas_blog/_complete.json", "{\"pages\":3,\"records\":250}".getBytes(StandardCharsets.UTF_8));
      SqlExecutor sql = warehouse(
          List.of(List.of("api/blog/entradas_blog", "entradas_blog", "PARTIAL", 250, 249, 1, "249 registro(s)", "r7"),
              List.of("api/blog/entradas_blog", "entradas_blog", "LOADED", 10, 10, 0, "ayer", "r6")),
          List.of(List.of("entradas_blog", "api/blog/r7/entradas_blog/page-00002.json", 17, "date", "31/02/2023",
              "fecha inexistente", "r7", "2026-12-07 05:01:00")));
      Platform platform = new Platform(PlatformConfig.pat(ws.url(), "sp-token"));

      List<ApiSourceView> sources = new ApiSources(ApiSourceFiles.volume(platform.files(), VOLUME), sql, "raw._ingestion_log",
          "raw._quarantine").list();

      assertThat(sources).hasSize(1);
      ApiSourceView blog = sources.get(0);
      assertThat(blog.name()).isEqualTo("blog");
      assertThat(blog.endpoints()).containsExactly(new ApiSourceView.Endpoint("/wp-json/wp/v2/posts", "entradas_blog", "id"));
      assertThat(blog.highWaterMark()).isEqualTo("2023-04-02T10:00:00");
      ApiSourceView.LastRun run = blog.lastRun();
      assertThat(run.run()).isEqualTo("r7");
      assertThat(run.status()).isEqualTo("LOADED");
      assertThat(List.of(run.pages(), run.records(), run.loaded(), run.quarantined())).containsExactly(3L, 250L, 249L, 1L);
      assertThat(run.tables().get(0).status()).isEqualTo("PARTIAL");
      ApiSourceView.ApiError e = blog.errors().get(0);
      assertThat(List.of(e.source(), e.table(), e.field(), e.reason())).containsExactly("blog", "entradas_blog", "date",
          "fecha inexistente");
      assertThat(e.page()).isEqualTo(2);
      assertThat(e.record()).isEqualTo(17L);
    }
  }

  @Test
  void should_show_a_failed_fetch_with_its_page_an_unread_definition_and_a_source_never_run_when_reading_a_folder(
      @TempDir Path uploads) throws Exception {
    Path defs = Files.createDirectories(uploads.resolve("api/_sources"));
    Files.writeString(defs.resolve("blog.yml"), BLOG);
    Files.writeString(defs.resolve("nueva.yml"), BLOG.replace("source: blog", "source: nueva").replace("id: id", "id: [date, slug]"));
    Files.writeString(defs.resolve("rota.yml"), "base_url: [sin cerrar\n");
    Files.createDirectories(uploads.resolve("api/blog"));
    Files.writeString(uploads.resolve("api/blog/_state.json"), "{\"high_water_mark\":null,\"last_run\":\"r8\",\"last_status\":\"FAILED\","
        + "\"last_error\":\"Fuente blog, página 4 (https://ejemplo.es/wp-json/wp/v2/posts?page=4): HTTP 500\",\"updated_at\":\"2026-12-07T05:00:00Z\"}");

    List<ApiSourceView> sources = new ApiSources(ApiSourceFiles.directory(uploads), warehouse(List.of(), List.of()),
        "raw._ingestion_log", "raw._quarantine").list();

    assertThat(sources).extracting(ApiSourceView::name).containsExactly("blog", "nueva", "rota");
    ApiSourceView blog = sources.get(0);
    assertThat(blog.lastRun().status()).isEqualTo("FAILED");
    assertThat(blog.lastRun().pages()).isNull();
    assertThat(blog.errors()).singleElement().satisfies(e -> {
      assertThat(e.page()).isEqualTo(4);
      assertThat(e.reason()).contains("HTTP 500");
    });
    assertThat(sources.get(1).lastRun()).isNull();
    assertThat(sources.get(1).endpoints().get(0).idField()).as("a composite id").isEqualTo("date, slug");
    assertThat(sources.get(2).invalid()).contains("no es una definición de fuente válida");
  }
}
