package io.datagent.local.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.embedding.EmbedJob;
import io.datagent.embedding.EmbedReport;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import io.datagent.retrieval.IndexedDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local side for real: Delta Kernel over the embeddings table EmbedJob wrote, and {@code ./agent search}. */
class LocalRetrievalTest {

  @Test
  void should_read_with_delta_kernel_what_spark_wrote() {
    // given
    Path table = SamplesWorkspace.tables().resolve("serving").resolve("document_embeddings");
    DeltaKernelDocumentSource source = new DeltaKernelDocumentSource(table);
    List<IndexedDocument> docs = new ArrayList<>();

    // when
    source.read(source.version(), docs::add);

    // then
    long rows = SamplesWorkspace.spark().sql("SELECT count(*) FROM " + SamplesWorkspace.schema("serving")
        + ".document_embeddings").first().getLong(0);
    assertThat(docs).hasSize((int) rows);
    assertThat(docs).allSatisfy(d -> {
      assertThat(d.model()).isEqualTo("onnx/all-minilm-l6-v2-q");
      assertThat(d.vector()).hasSize(384);
    });
    assertThat(docs).anySatisfy(d -> {
      assertThat(d.id()).isEqualTo("row:potenciainstalada:PotenciaInstalada.csv:2");
      assertThat(d.sourceRow()).isEqualTo(2L);
      assertThat(d.text()).contains("Central: ABRO");
    });
  }

  @Test
  void should_embed_nothing_when_run_again_on_unchanged_data() {
    // given
    long before = new DeltaKernelDocumentSource(SamplesWorkspace.tables().resolve("serving").resolve("document_embeddings")).version();

    // when
    EmbedReport again = EmbedJob.run(SamplesWorkspace.spark(), EmbedJob.config(java.util.Map.of(), SamplesWorkspace.embedArgs()));

    // then
    assertThat(again.embedded()).isZero();
    assertThat(new DeltaKernelDocumentSource(SamplesWorkspace.tables().resolve("serving").resolve("document_embeddings")).version())
        .isEqualTo(before);
  }

  @Test
  void should_print_the_hits_as_json_lines_when_searching_from_the_command_line() throws Exception {
    // given
    SearchCommand cmd = new SearchCommand();
    LocalRuntime rt = new LocalRuntime(new Workspace(SamplesWorkspace.root()), Path.of("."));
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream stdout = System.out;

    // when
    int code;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      code = cmd.run(List.of("potencia instalada central ABRO", "--k", "3", "--table", "potenciainstalada"), rt);
    } finally {
      System.setOut(stdout);
    }

    // then
    assertThat(code).isZero();
    List<JsonNode> hits = new ArrayList<>();
    for (String line : buf.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        hits.add(new ObjectMapper().readTree(line));
      }
    }
    assertThat(hits).hasSize(3).allSatisfy(h -> assertThat(h.path("table").asText()).isEqualTo("potenciainstalada"));
    assertThat(hits).anySatisfy(h -> {
      assertThat(h.path("kind").asText()).isEqualTo("row");
      assertThat(h.path("source_file").asText()).isEqualTo("PotenciaInstalada.csv");
      assertThat(h.path("source_row").asLong()).isEqualTo(2);
      assertThat(h.path("text").asText()).contains("ABRO");
      assertThat(h.path("score").asDouble()).isPositive();
    });
  }

  @Test
  void should_say_to_run_embed_when_there_are_no_embeddings() throws Exception {
    Path empty = Files.createTempDirectory("ws-empty");
    assertThatThrownBy(() -> LocalRetrievers.open(empty.resolve("tables"), new io.datagent.retrieval.DisabledEmbeddingModel("x")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("./agent embed");
  }
}
