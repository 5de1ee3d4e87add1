package io.datagent.app.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.semantic.SemanticModelSource;
import io.datagent.app.TestAgent;
import io.datagent.app.TestApp;
import io.datagent.app.TestData;
import io.datagent.app.TestPostgres;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.semantic.MetricViewYaml;
import io.datagent.semantic.SemanticModel;
import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.TableProfile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Datos page's model routes, serving the YAML the ingestion kept beside the uploads. */
class SemanticApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static Path models;
  static String yaml;
  static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    models = Files.createTempDirectory("modelos");
    SemanticModel m = SemanticModels.derive(new TableProfile("serving.potencia", "Potencia instalada por región (MW)", null,
        3, List.of(
            new TableProfile.Column("region", "string", "Región del sistema eléctrico", "REGION", 2,
                Map.of("Comahue", 2L, "Cuyo", 1L), Map.of()),
            new TableProfile.Column("periodo", "date", null, "PERIODO", 1, Map.of(), Map.of()),
            new TableProfile.Column("mw", "decimal(10,1)", "Potencia instalada [MW]", "POTENCIA INSTALADA [MW]", 3,
                Map.of(), Map.of()))));
    yaml = MetricViewYaml.writeBundle(m);
    Files.writeString(models.resolve("potencia.yaml"), yaml);
    DataCatalog catalog = TestData.catalog();
    TableSemantics semantics = new TableSemantics(catalog, "serving", SemanticModelSource.directory(models),
        table -> Optional.empty());
    app = new TestApp(new TestAgent(), catalog, new TestData.InstantIngestion(), false, 1_000_000,
        TestPostgres.freshDatabase(), List.of(new SemanticRoutes(semantics)));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void should_serve_the_model_the_ingestion_kept_when_the_datos_page_asks_for_a_table() throws Exception {
    JsonNode m = JSON.readTree(app.get("/api/tables/potencia/modelo").body());

    assertThat(m.path("origin").asText()).isEqualTo("archivo");
    assertThat(m.path("source").asText()).isEqualTo("serving.potencia");
    JsonNode mw = m.path("measures").get(0);
    assertThat(mw.path("name").asText()).isEqualTo("mw");
    assertThat(mw.path("unit").asText()).isEqualTo("MW");
    assertThat(mw.path("aggregation").asText()).isEqualTo("total");
    assertThat(mw.path("synonyms").toString()).contains("POTENCIA INSTALADA [MW]");
    JsonNode periodo = find(m.path("dimensions"), "periodo");
    assertThat(periodo.path("grains").toString()).isEqualTo("[\"día\",\"mes\",\"año\"]");
    assertThat(find(m.path("dimensions"), "region").path("sampleValues").toString()).contains("Comahue", "Cuyo");
    assertThat(m.path("valueIndexSize").asInt()).isEqualTo(2);
  }

  @Test
  void should_download_the_yaml_file_as_kept_when_asked_for_it() throws Exception {
    HttpResponse<String> res = app.get("/api/tables/potencia/modelo.yaml");

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEqualTo(yaml);
    assertThat(res.headers().firstValue("Content-Disposition").orElse("")).contains("potencia.yaml");
  }

  @Test
  void should_answer_404_in_spanish_when_the_table_is_not_listed() throws Exception {
    HttpResponse<String> res = app.get("/api/tables/inexistente/modelo");

    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(res.body()).contains("No hay modelo semántico de la tabla «inexistente»");
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode n : list) {
      if (n.path("name").asText().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no " + name + " in " + list);
  }
}
