package io.datagent.app.uploads;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.app.Refusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uploads into a table the platform writes itself are refused before anything is staged, recorded or started. */
class UploadServiceReservedNamesTest {

  final List<String> started = new ArrayList<>();
  final IngestionJobs jobs = new IngestionJobs() {
    @Override
    public String volumePath(String relativePath) {
      return "/uploads/" + relativePath;
    }

    @Override
    public String start(String uploadId, Path content, String relativePath) {
      started.add(relativePath);
      throw new IllegalStateException("not in this test");
    }

    @Override
    public IngestionProgress poll(String runRef) {
      return IngestionProgress.queued();
    }
  };
  // no store: a refused upload must not reach it (a NullPointerException would fail the test)
  final UploadService service = new UploadService(null, jobs, new UploadPolicy(1_000_000), null);

  static ByteArrayInputStream csv() {
    return new ByteArrayInputStream("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void should_refuse_a_reserved_dataset_with_a_clear_spanish_message() {
    for (String dataset : List.of("document_embeddings", "Documents", "Document Embeddings")) {
      assertThatThrownBy(() -> service.accept("ana@x", "datos.csv", dataset, csv()))
          .as(dataset)
          .isInstanceOfSatisfying(Refusal.class, r -> {
            org.assertj.core.api.Assertions.assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
            org.assertj.core.api.Assertions.assertThat(r.getMessage()).contains("reservado").contains(dataset);
          });
    }
    org.assertj.core.api.Assertions.assertThat(started).isEmpty();
  }

  @Test
  void should_refuse_a_file_without_dataset_whose_name_is_reserved() {
    assertThatThrownBy(() -> service.accept("ana@x", "documents.csv", null, csv()))
        .isInstanceOf(Refusal.class).hasMessageContaining("reservado");
    assertThatThrownBy(() -> service.accept("ana@x", "document_embeddings.xlsx", " ", csv()))
        .isInstanceOf(Refusal.class).hasMessageContaining("reservado");
  }

  @Test
  void should_refuse_a_reserved_name_whose_leading_underscore_the_identifier_would_drop() {
    // "_ingestion_log" would become the table "ingestion_log", "_quarantine.csv" the table "quarantine"
    assertThatThrownBy(() -> service.accept("ana@x", "datos.csv", "_ingestion_log", csv()))
        .isInstanceOf(Refusal.class).hasMessageContaining("reservado").hasMessageContaining("_ingestion_log");
    assertThatThrownBy(() -> service.accept("ana@x", "_quarantine.csv", null, csv()))
        .isInstanceOf(Refusal.class).hasMessageContaining("reservado").hasMessageContaining("_quarantine");
    org.assertj.core.api.Assertions.assertThat(started).isEmpty();
  }

  @Test
  void should_let_ordinary_names_through_to_the_store() {
    // past the name check the (absent) store is reached: proof the check did not refuse it
    assertThatThrownBy(() -> service.accept("ana@x", "documentos_2024.csv", "documentos", csv()))
        .isInstanceOf(NullPointerException.class);
  }
}
