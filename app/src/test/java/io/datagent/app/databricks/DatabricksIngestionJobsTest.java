package io.datagent.app.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.app.LoopbackServer;
import io.datagent.app.LoopbackServer.Reply;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.catalog.IngestionEntry;
import io.datagent.app.catalog.Rows;
import io.datagent.app.catalog.TableInfo;
import io.datagent.app.state.JsonCodec;
import io.datagent.app.uploads.IngestionProgress;
import io.datagent.app.uploads.UploadStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Databricks side against a loopback server speaking the Files and Jobs REST shapes. */
class DatabricksIngestionJobsTest {

  /** The ingestion log as the job leaves it: one line for our file, stamped with the run id. */
  static DataCatalog log(List<IngestionEntry> entries) {
    return new DataCatalog() {
      public List<TableInfo> tables() { return List.of(); }
      public Optional<TableInfo> describe(String t) { return Optional.empty(); }
      public Optional<Rows> preview(String t, int n, String token) { return Optional.empty(); }
      public List<IngestionEntry> ingestions(String batchId, int limit) {
        return entries.stream().filter(e -> batchId == null || batchId.equals(e.batchId())).toList();
      }
    };
  }

  @Test
  void should_upload_to_the_volume_run_the_job_and_report_the_logged_result_when_the_run_ends() throws Exception {
    AtomicReference<String> life = new AtomicReference<>("QUEUED");
    try (LoopbackServer dbx = new LoopbackServer(r -> switch (r.method() + " " + r.path()) {
      case "PUT /api/2.0/fs/files/Volumes/main/raw/uploads/potencia/Potencia%20Nueva.csv" -> new Reply(204, "application/json", new byte[0]);
      case "POST /api/2.1/jobs/run-now" -> Reply.json("{\"run_id\": 4242, \"number_in_job\": 7}");
      case "GET /api/2.1/jobs/runs/get" -> Reply.json("{\"run_id\":4242,\"state\":{\"life_cycle_state\":\"" + life.get()
          + "\",\"result_state\":\"SUCCESS\",\"state_message\":\"\"}}");
      default -> new Reply(404, "application/json", "{\"error_code\":\"NOT_FOUND\",\"message\":\"no\"}".getBytes());
    })) {
      DatabricksClient client = new DatabricksClient(DatabricksClient.hostUri(dbx.url()), TokenSource.fixed("sp-token"), new JsonCodec());
      DatabricksIngestionJobs jobs = new DatabricksIngestionJobs(client, "/Volumes/main/raw/uploads", 99, log(List.of(
          new IngestionEntry("potencia/Potencia Nueva.csv", "potencia", "potencia", "PARTIAL", 10, 9, 1,
              "cargadas 9 filas; 1 en cuarentena", "4242", Instant.now(), Instant.now()),
          new IngestionEntry("otra.csv", "otra", "otra", "LOADED", 3, 3, 0, "ok", "4242", Instant.now(), Instant.now()))));
      Path file = Files.createTempFile("up", ".csv");
      Files.writeString(file, "Región;MW\nCuyo;1\n");

      String ref = jobs.start("upload-1", file, "potencia/Potencia Nueva.csv");

      assertThat(ref).isEqualTo("4242:potencia/Potencia Nueva.csv");
      LoopbackServer.Received put = dbx.received.get(0);
      assertThat(put.method()).isEqualTo("PUT");
      assertThat(put.query()).isEqualTo("overwrite=true");
      assertThat(put.authorization()).isEqualTo("Bearer sp-token");
      assertThat(new String(put.body(), StandardCharsets.UTF_8)).isEqualTo("Región;MW\nCuyo;1\n");
      assertThat(dbx.received.get(1).text()).contains("\"job_id\":99", "\"idempotency_token\":\"upload-1\"");

      assertThat(jobs.poll(ref).status()).isEqualTo(UploadStatus.QUEUED);
      life.set("RUNNING");
      assertThat(jobs.poll(ref).status()).isEqualTo(UploadStatus.RUNNING);
      life.set("TERMINATED");
      IngestionProgress done = jobs.poll(ref);
      assertThat(done.status()).isEqualTo(UploadStatus.PARTIAL);
      assertThat(done.files()).hasSize(1);
      assertThat(done.rowsLoaded()).isEqualTo(9);
      assertThat(done.message()).contains("cuarentena");
      assertThat(dbx.received.stream().filter(r -> r.path().equals("/api/2.1/jobs/runs/get")).map(LoopbackServer.Received::query))
          .allMatch("run_id=4242"::equals);
    }
  }

  @Test
  void should_report_the_failure_in_plain_words_when_the_run_fails_before_logging_the_file() throws Exception {
    try (LoopbackServer dbx = new LoopbackServer(r -> Reply.json("{\"state\":{\"life_cycle_state\":\"INTERNAL_ERROR\","
        + "\"result_state\":\"FAILED\",\"state_message\":\"No se pudo crear el clúster\"}}"))) {
      DatabricksClient client = new DatabricksClient(DatabricksClient.hostUri(dbx.url()), TokenSource.fixed("t"), new JsonCodec());
      DatabricksIngestionJobs jobs = new DatabricksIngestionJobs(client, "/Volumes/main/raw/uploads/", 1, log(List.of()));
      IngestionProgress p = jobs.poll("77:nuevo.csv");
      assertThat(p.status()).isEqualTo(UploadStatus.FAILED);
      assertThat(p.message()).contains("No se pudo crear el clúster");
    }
  }

  @Test
  void should_keep_following_not_fail_when_databricks_does_not_answer() {
    DatabricksClient client = new DatabricksClient(DatabricksClient.hostUri("http://127.0.0.1:9"), TokenSource.fixed("t"), new JsonCodec());
    IngestionProgress p = new DatabricksIngestionJobs(client, "/Volumes/c/raw/uploads", 1, log(List.of())).poll("5:a.csv");
    assertThat(p.status()).isEqualTo(UploadStatus.RUNNING);
  }
}
