package io.datagent.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.ingestion.semantic.SemanticConfig;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.MetricViewYaml;
import io.datagent.semantic.SemanticModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The semantic model each ingestion keeps beside its tables ({@code <uploads>/_semantica/modelos/<table>.yaml}), on
 * local Spark over the three real samples. Expected values are read from the files here, not by the product.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemanticIngestionTest {

  IngestFixture fx;
  IngestReport first;

  @BeforeAll
  void loadSamples() {
    fx = new IngestFixture("semantica");
    fx.copy(EnergiaSamplesIngestTest.CAMMESA, "Cammesa_res.csv");
    fx.copy(EnergiaSamplesIngestTest.POTENCIA, "PotenciaInstalada.csv");
    fx.copy(EnergiaSamplesIngestTest.GAS, "Todos_010601a-Cuadro_I_5_1a.xlsx");
    first = fx.ingest();
  }

  @Test
  void should_write_a_model_for_every_sample_table_when_ingested() throws IOException {
    assertThat(first.files()).extracting(FileOutcome::status).containsOnly(FileStatus.LOADED);
    for (String table : List.of("cammesa_res", "potenciainstalada", "todos_010601a_cuadro_i_5_1a")) {
      SemanticModel m = model(table);
      assertThat(m.source()).isEqualTo(fx.serving() + "." + table);
      assertThat(m.measures()).as(table).anyMatch(x -> !x.rowCount());
      assertThat(m.rowCount()).as(table).isPresent();
      assertThat(m.temporal()).as(table).isNotEmpty();
    }
    List<String> lines = Files.readAllLines(EnergiaSamplesIngestTest.CAMMESA, StandardCharsets.ISO_8859_1);
    long noHabil = lines.stream().skip(1).filter(l -> l.split(";")[3].equals("No Hábil")).count();
    SemanticModel cammesa = model("cammesa_res");
    Dimension habil = cammesa.dimension("habil_no_habil").orElseThrow();
    assertThat(habil.values()).containsExactlyInAnyOrder("Hábil", "No Hábil");
    assertThat(habil.synonyms()).contains("Hábil/No Hábil");
    Measure industrias = cammesa.measure("industrias").orElseThrow();
    assertThat(industrias.expr()).isEqualTo("SUM(industrias)");
    assertThat(noHabil).isPositive();
    // the value index is trimmed: the file pads "C.T. AGUA DEL CAJON           "
    SemanticModel potencia = model("potenciainstalada");
    assertThat(potencia.dimension("agente_descripcion").orElseThrow().values()).contains("C.T. AGUA DEL CAJON");
    assertThat(potencia.measure("potencia_instalada_mw").orElseThrow().unit()).isEqualTo("MW");
  }

  @Test
  void should_rederive_the_model_when_the_table_changes() throws IOException {
    IngestFixture own = new IngestFixture("semantica_re");
    own.write("zonas.csv", "ZONA;VENTAS\nNorte;10\nSur;20\n", StandardCharsets.UTF_8);
    own.ingest();
    Path file = own.uploads.resolve(SemanticConfig.FOLDER).resolve(SemanticConfig.MODELS).resolve("zonas.yaml");
    assertThat(MetricViewYaml.readBundle(Files.readString(file)).dimension("zona").orElseThrow().values())
        .containsExactlyInAnyOrder("Norte", "Sur");

    own.write("zonas.csv", "ZONA;VENTAS\nNorte;10\nSur;20\nEste;5\n", StandardCharsets.UTF_8);
    own.ingest();

    assertThat(MetricViewYaml.readBundle(Files.readString(file)).dimension("zona").orElseThrow().values())
        .containsExactlyInAnyOrder("Norte", "Sur", "Este");
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("zonas.yaml"); // no temp files left
    }
  }

  @Test
  void should_apply_a_good_override_and_report_and_ignore_a_bad_one() throws IOException {
    IngestFixture own = new IngestFixture("semantica_ov");
    own.write("ventas.csv", "REGION;IMPORTE\nNorte;10\nSur;20\n", StandardCharsets.UTF_8);
    own.write("_semantica/ventas.yaml", """
        measures:
          - name: importe
            synonyms: [facturación, ventas]
          - name: importe_medio
            expr: AVG(importe)
            display_name: Importe medio
        """, StandardCharsets.UTF_8);
    own.ingest();
    SemanticModel good = MetricViewYaml.readBundle(Files.readString(modelFile(own, "ventas")));
    assertThat(good.measure("importe").orElseThrow().synonyms()).contains("facturación", "ventas");
    assertThat(good.measure("importe").orElseThrow().expr()).isEqualTo("SUM(importe)"); // derived, kept
    assertThat(good.measure("importe_medio").orElseThrow().expr()).isEqualTo("AVG(importe)");
    assertThat(good.dimension("region")).isPresent();

    own.write("ventas.csv", "REGION;IMPORTE\nNorte;10\nSur;20\nEste;1\n", StandardCharsets.UTF_8);
    own.write("_semantica/ventas.yaml", """
        measures:
          - name: margen
            expr: SUM(margen)
        """, StandardCharsets.UTF_8);
    FileOutcome outcome = own.only(own.ingest());

    assertThat(outcome.status()).isEqualTo(FileStatus.LOADED);
    assertThat(outcome.message()).contains("_semantica/ventas.yaml no se aplicó")
        .contains("measures[0].expr").contains("margen").contains("se usa el modelo derivado");
    SemanticModel derived = MetricViewYaml.readBundle(Files.readString(modelFile(own, "ventas")));
    assertThat(derived.measure("margen")).isEmpty();
    assertThat(derived.measure("importe_medio")).isEmpty();
    assertThat(derived.dimension("region").orElseThrow().values()).contains("Este");
  }

  @Test
  void should_load_the_table_and_warn_when_metric_views_are_on_and_the_engine_lacks_them() throws IOException {
    IngestFixture own = new IngestFixture("semantica_mv");
    own.write("centrales.csv", "CENTRAL;MW\nA;1\nB;2\n", StandardCharsets.UTF_8);
    FileOutcome outcome = own.only(IngestJob.run(own.spark, IngestJob.config("--source", own.uploads.toString(),
        "--raw-schema", own.raw(), "--serving-schema", own.serving(), "--metric-views", "true")));

    assertThat(outcome.status()).isEqualTo(FileStatus.LOADED);
    assertThat(outcome.message()).contains("no se pudo publicar la vista de métricas " + own.serving() + ".centrales_metricas");
    assertThat(Files.isRegularFile(modelFile(own, "centrales"))).isTrue();
    assertThat(own.sql("SELECT count(*) FROM {serving}.centrales").get(0).getLong(0)).isEqualTo(2);
  }

  private SemanticModel model(String table) throws IOException {
    return MetricViewYaml.readBundle(Files.readString(modelFile(fx, table)));
  }

  private static Path modelFile(IngestFixture f, String table) {
    return f.uploads.resolve(SemanticConfig.FOLDER).resolve(SemanticConfig.MODELS).resolve(table + ".yaml");
  }
}
