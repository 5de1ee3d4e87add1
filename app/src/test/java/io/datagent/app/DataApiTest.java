package io.datagent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static TestData.InstantIngestion ingestion;
  static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    ingestion = new TestData.InstantIngestion();
    app = new TestApp(new TestAgent(), TestData.catalog(), ingestion, false, 1_000_000);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void should_list_serving_tables_with_descriptions_and_describe_columns_when_asked() throws Exception {
    JsonNode tables = JSON.readTree(app.get("/api/tables").body());
    assertThat(tables).hasSize(1);
    assertThat(tables.get(0).path("name").asText()).isEqualTo("potencia");
    assertThat(tables.get(0).path("description").asText()).contains("Potencia instalada");
    JsonNode table = JSON.readTree(app.get("/api/tables/potencia").body());
    assertThat(table.path("columns").get(1).path("comment").asText()).isEqualTo("Potencia instalada [MW]");
    JsonNode preview = JSON.readTree(app.get("/api/tables/potencia/preview?limit=5").body());
    assertThat(preview.path("rows").get(0).get(0).asText()).isEqualTo("Comahue");
    JsonNode log = JSON.readTree(app.get("/api/ingestions").body()).path("entries");
    assertThat(log.get(0).path("status").asText()).isEqualTo("LOADED");
    assertThat(log.get(0).path("endedAt").asText()).startsWith("2026-01-02T10:00:03");
  }

  @Test
  void should_stage_the_file_start_the_job_and_report_its_result_when_a_csv_is_uploaded() throws Exception {
    byte[] csv = "Región;MW\nComahue;4520,5\nCuyo;1200\n".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> res = app.as("ana@example.com").upload("../../Potencia Nueva (2024).csv", csv, "Potencia");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(202);
    JsonNode upload = JSON.readTree(res.body());
    assertThat(upload.path("fileName").asText()).isEqualTo("Potencia Nueva (2024).csv");
    assertThat(upload.path("dataset").asText()).isEqualTo("potencia");
    assertThat(Files.readAllBytes(ingestion.folder.resolve("potencia/Potencia Nueva (2024).csv"))).isEqualTo(csv);
    String id = upload.path("id").asText();
    JsonNode done = null;
    for (int i = 0; i < 100 && (done == null || !done.path("status").asText().equals("LOADED")); i++) {
      Thread.sleep(50);
      done = JSON.readTree(app.get("/api/uploads/" + id).body());
    }
    assertThat(done.path("status").asText()).isEqualTo("LOADED");
    assertThat(done.path("rowsLoaded").asLong()).isEqualTo(2);
    assertThat(done.path("message").asText()).contains("2 filas");
    assertThat(done.path("endedAt").isNull()).isFalse();
    assertThat(JSON.readTree(app.get("/api/uploads").body()).get(0).path("id").asText()).isEqualTo(id);
    // nobody else sees it
    assertThat(app.as("eva@example.com").get("/api/uploads/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void should_serve_an_openapi_description_of_every_api_path() throws Exception {
    JsonNode spec = JSON.readTree(app.get("/api/openapi.json").body());
    assertThat(spec.path("openapi").asText()).startsWith("3.");
    assertThat(spec.path("paths").fieldNames()).toIterable().contains("/api/ask", "/api/ask/stream", "/api/feedback",
        "/api/conversations", "/api/conversations/{id}", "/api/tables", "/api/tables/{name}", "/api/tables/{name}/preview",
        "/api/ingestions", "/api/uploads", "/api/uploads/{id}", "/api/me", "/health", "/ready", "/api/api-sources");
  }
}
