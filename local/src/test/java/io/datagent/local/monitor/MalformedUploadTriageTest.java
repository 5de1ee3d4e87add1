package io.datagent.local.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.jobmonitor.JobMonitor;
import io.datagent.jobmonitor.local.LocalRepairs;
import io.datagent.jobmonitor.store.Decision;
import io.datagent.local.AgentCli;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code ./agent ingest} (Spark local, Delta on disk) of an upload with an empty file: the run is recorded,
 * and the monitor triages the real failure text IngestJob produced.
 */
class MalformedUploadTriageTest {

  @TempDir
  Path dir;

  @Test
  void should_triage_a_real_ingestion_failure_as_data_when_an_uploaded_file_is_empty() throws Exception {
    Path upload = Files.createDirectories(dir.resolve("subida"));
    Files.writeString(upload.resolve("vacio.csv"), "");
    Files.writeString(upload.resolve("bien.csv"), "fecha;valor\n01/02/2024;1,5\n");
    Path ws = dir.resolve("ws");

    int code = new AgentCli().run("--workspace", ws.toString(), "ingest", "--source", upload.toString());
    assertThat(code).isEqualTo(1);

    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
         JobMonitor m = JobMonitor.local(pg.getPostgresDatabase(), ws.resolve("state"), LocalRepairs.recordOnly(), Map.of(), new dev.langchain4j.model.chat.DisabledChatModel())) {
      m.tick();
      Decision d = m.decisions().recent(10, null).get(0);
      assertThat(d.jobName()).isEqualTo("datagent ingestion");
      assertThat(d.classification().category().id()).isEqualTo("data");
      assertThat(d.plan().action().name()).isEqualTo("SEND_EMAIL");
      assertThat(d.errorExcerpt()).contains("vacio.csv").contains("el archivo está vacío");
      assertThat(d.outcome()).isEqualTo("EMAIL_SENT");
    }
  }
}
