package io.datagent.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IngestJob refuses a reserved target table before reading or writing anything (no Spark involved at all). */
class IngestJobReservedNamesTest {

  @TempDir
  Path uploads;

  @Test
  void should_refuse_a_dataset_folder_named_like_an_internal_table_before_touching_spark() throws Exception {
    Files.createDirectories(uploads.resolve("document_embeddings"));
    Files.writeString(uploads.resolve("document_embeddings/a.csv"), "x;y\n1;2\n");
    IngestConfig cfg = IngestJob.config("--source", uploads.toString(), "--files", "document_embeddings/a.csv");
    // a null session: the refusal must come before any use of Spark
    assertThatThrownBy(() -> IngestJob.run(null, cfg))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("document_embeddings/a.csv")
        .hasMessageContaining("reservado");
  }

  @Test
  void should_refuse_a_root_file_whose_stem_is_reserved_and_accept_the_others() throws Exception {
    Files.writeString(uploads.resolve("Documents.csv"), "x;y\n1;2\n");
    Files.writeString(uploads.resolve("ventas.csv"), "x;y\n1;2\n");
    assertThatThrownBy(() -> IngestJob.checkTargets(IngestJob.config("--source", uploads.toString())))
        .hasMessageContaining("reservado");
    assertThatCode(() -> IngestJob.checkTargets(IngestJob.config("--source", uploads.toString(), "--files", "ventas.csv")))
        .doesNotThrowAnyException();
    assertThat(io.datagent.naming.ReservedNames.isReserved("_ingestion_log")).isTrue();
    assertThat(io.datagent.naming.ReservedNames.isReserved("documentos")).isFalse();
  }
}
