package io.datagent.app.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.catalog.IngestionEntry;
import io.datagent.app.catalog.Rows;
import io.datagent.app.catalog.TableInfo;
import io.datagent.app.uploads.IngestionProgress;
import io.datagent.app.uploads.UploadStatus;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.FakeWorkspace.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Databricks side through the platform layer, against the loopback fake workspace (Files and Jobs 2.2). */
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

  static DatabricksIngestionJobs jobs(FakeWorkspace ws, String volume, long jobId, DataCatalog log) {
    ws.auth().allowToken("sp-token");
    Platform p = new Platform(PlatformConfig.pat(ws.url(), "sp-token"));
    return new DatabricksIngestionJobs(p.files(), p.jobs(), volume, jobId, log);
  }

  @Test
  void should_upload_to_the_volume_run_the_job_once_and_report_the_logged_result_when_the_run_ends() throws Exception {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      DatabricksIngestionJobs jobs = jobs(ws, "/Volumes/main/raw/uploads", 99, log(List.of(
          new IngestionEntry("potencia/Potencia Nueva.csv", "potencia", "potencia", "PARTIAL", 10, 9, 1,
              "cargadas 9 filas; 1 en cuarentena", "1001", Instant.now(), Instant.now()),
          new IngestionEntry("otra.csv", "otra", "otra", "LOADED", 3, 3, 0, "ok", "1001", Instant.now(), Instant.now()))));
      Path file = Files.createTempFile("up", ".csv");
      Files.writeString(file, "Región;MW\nCuyo;1\n");

      String ref = jobs.start("upload-1", file, "potencia/Potencia Nueva.csv");
      String again = jobs.start("upload-1", file, "potencia/Potencia Nueva.csv"); // a retried start: same run

      assertThat(ref).isEqualTo("1001:potencia/Potencia Nueva.csv").isEqualTo(again);
      assertThat(ws.jobs().runsStarted()).isEqualTo(1);
      assertThat(new String(ws.store().file("/Volumes/main/raw/uploads/potencia/Potencia Nueva.csv"), StandardCharsets.UTF_8))
          .isEqualTo("Región;MW\nCuyo;1\n");
      FakeWorkspace.Call put = ws.calls("/api/2\\.0/fs/files/.*").get(0);
      assertThat(put.method()).isEqualTo("PUT");
      assertThat(put.query()).isEqualTo("overwrite=true");
      assertThat(put.authorization()).isEqualTo("Bearer sp-token");
      assertThat(ws.calls("/api/2\\.2/jobs/run-now").get(0).body()).contains("\"job_id\":99", "\"idempotency_token\":\"upload-1\"");

      ((com.fasterxml.jackson.databind.node.ObjectNode) ws.jobs().run(1001).get("state")).put("life_cycle_state", "QUEUED");
      assertThat(jobs.poll(ref).status()).isEqualTo(UploadStatus.QUEUED);
      ((com.fasterxml.jackson.databind.node.ObjectNode) ws.jobs().run(1001).get("state")).put("life_cycle_state", "RUNNING");
      assertThat(jobs.poll(ref).status()).isEqualTo(UploadStatus.RUNNING);
      ((com.fasterxml.jackson.databind.node.ObjectNode) ws.jobs().run(1001).get("state")).put("life_cycle_state", "TERMINATED")
          .put("result_state", "SUCCESS");
      IngestionProgress done = jobs.poll(ref);
      assertThat(done.status()).isEqualTo(UploadStatus.PARTIAL);
      assertThat(done.files()).hasSize(1);
      assertThat(done.rowsLoaded()).isEqualTo(9);
      assertThat(done.message()).contains("cuarentena");
      assertThat(ws.calls("/api/2\\.2/jobs/runs/get")).extracting(FakeWorkspace.Call::query).allMatch(q -> q.contains("run_id=1001"));
    }
  }

  @Test
  void should_report_the_failure_in_plain_words_when_the_run_fails_before_logging_the_file() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.jobs().addRun(77, 1, "INTERNAL_ERROR", "FAILED").withObject("/state").put("state_message", "No se pudo crear el clúster");
      IngestionProgress p = jobs(ws, "/Volumes/main/raw/uploads/", 1, log(List.of())).poll("77:nuevo.csv");
      assertThat(p.status()).isEqualTo(UploadStatus.FAILED);
      assertThat(p.message()).contains("No se pudo crear el clúster");
    }
  }

  @Test
  void should_keep_following_not_fail_when_databricks_does_not_answer() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.fail("/api/2\\.2/jobs/runs/get", Fault.error(500, "INTERNAL_ERROR", "down"));
      IngestionProgress p = jobs(ws, "/Volumes/c/raw/uploads", 1, log(List.of())).poll("5:a.csv");
      assertThat(p.status()).isEqualTo(UploadStatus.RUNNING);
    }
  }
}
