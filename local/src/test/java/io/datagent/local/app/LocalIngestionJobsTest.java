package io.datagent.local.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.app.uploads.IngestionProgress;
import io.datagent.app.uploads.UploadStatus;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local side of the uploads port, on real Spark local and Delta tables on disk. */
class LocalIngestionJobsTest {

  static LocalRuntime rt;
  static LocalIngestionJobs jobs;

  @BeforeAll
  static void start() throws Exception {
    rt = new LocalRuntime(new Workspace(Files.createTempDirectory("ws")).create(), Path.of("."));
    jobs = new LocalIngestionJobs(rt);
  }

  @AfterAll
  static void stop() {
    jobs.close();
    rt.close();
  }

  static IngestionProgress await(String ref) throws InterruptedException {
    IngestionProgress p = jobs.poll(ref);
    for (int i = 0; i < 1200 && !p.status().done(); i++) {
      Thread.sleep(250);
      p = jobs.poll(ref);
    }
    return p;
  }

  @Test
  void should_stage_the_file_in_the_uploads_volume_and_report_rows_and_quarantine_when_the_run_ends() throws Exception {
    Path file = Files.createTempFile("subida", ".csv");
    StringBuilder csv = new StringBuilder("Región;Potencia [MW]\n");
    for (int i = 0; i < 200; i++) {
      csv.append("Región ").append(i).append(';').append(100 + i).append(",5\n");
    }
    csv.append("Región mala;1;columnas;de más\n"); // a row of the wrong width: quarantined (under 1 % of the file)
    Files.writeString(file, csv, StandardCharsets.UTF_8);

    String ref = jobs.start("u1", file, "potencia_regional/enero.csv");

    assertThat(rt.workspace().uploads().resolve("potencia_regional/enero.csv")).hasSameBinaryContentAs(file);
    IngestionProgress done = await(ref);
    assertThat(done.status()).as(done.message()).isEqualTo(UploadStatus.PARTIAL);
    assertThat(done.rowsLoaded()).isEqualTo(200);
    assertThat(done.rowsQuarantined()).isEqualTo(1);
    assertThat(done.files()).singleElement().satisfies(f -> assertThat(f.table()).isEqualTo("potencia_regional"));
    assertThat(done.message()).contains("cuarentena");
    assertThat(rt.spark().table("serving.potencia_regional").count()).isEqualTo(200);
  }

  @Test
  void should_report_the_reason_in_plain_words_when_the_file_cannot_be_loaded() throws Exception {
    Path file = Files.createTempFile("vacio", ".csv");
    Files.writeString(file, "");
    IngestionProgress done = await(jobs.start("u2", file, "vacio.csv"));
    assertThat(done.status()).isEqualTo(UploadStatus.FAILED);
    assertThat(done.message()).contains("vacío");
  }

  @Test
  void should_say_the_run_was_interrupted_when_the_reference_is_unknown_after_a_restart() {
    assertThat(jobs.poll("desconocida").status()).isEqualTo(UploadStatus.FAILED);
  }
}
