package io.datagent.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricViewYamlTest {

  final SemanticModel model = SemanticModels.derive(SemanticModelsTest.PLANTS);

  @Test
  void should_write_only_metric_view_fields_when_writing_the_view() throws Exception {
    JsonNode root = new YAMLMapper().readTree(MetricViewYaml.write(model));

    assertThat(root.path("version").asText()).isEqualTo("1.1");
    assertThat(root.path("source").asText()).isEqualTo("serving.plantas");
    List<String> keys = new java.util.ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("version", "source", "comment", "dimensions", "measures");
    JsonNode mw = root.path("measures").get(0);
    assertThat(mw.path("expr").asText()).isEqualTo("SUM(potencia_instalada_mw)");
    assertThat(mw.path("display_name").asText()).isEqualTo("Potencia instalada [MW]");
    root.path("dimensions").forEach(d -> {
      List<String> fields = new java.util.ArrayList<>();
      d.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).isSubsetOf("name", "expr", "comment", "display_name", "synonyms");
      assertThat(d.path("synonyms").size()).isLessThanOrEqualTo(10);
    });
  }

  @Test
  void should_read_back_the_same_model_when_bundle_has_sidecar() {
    assertThat(MetricViewYaml.readBundle(MetricViewYaml.writeBundle(model))).isEqualTo(model);
  }

  @Test
  void should_quote_expressions_that_start_with_a_backtick() {
    SemanticModel odd = new SemanticModel("s.t", null, "filas", List.of(new Dimension("mes año", "Mes Año", Dimension.Kind.TEXT,
        "Mes", null, List.of(), List.of(), Map.of())), List.of());

    String yaml = MetricViewYaml.write(odd);

    assertThat(yaml).containsAnyOf("expr: \"`Mes Año`\"", "expr: '`Mes Año`'");
    assertThat(MetricViewYaml.readBundle(yaml).dimensions().get(0).column()).isEqualTo("Mes Año");
  }

  @Test
  void should_rederive_units_and_aggregations_when_yaml_has_no_sidecar() {
    String yaml = "version: 1.1\nsource: cat.s.t\ncomment: En miles de m3\nmeasures:\n"
        + "  - name: salta\n    expr: SUM(salta)\n    display_name: Salta\n"
        + "  - name: temp\n    expr: AVG(temperatura)\n    display_name: Temperatura °C\n"
        + "  - name: ratio\n    expr: SUM(a) / SUM(b)\n";

    SemanticModel m = MetricViewYaml.readBundle(yaml);

    assertThat(m.measures()).extracting(Measure::name).containsExactly("salta", "temp");
    assertThat(m.measure("salta").orElseThrow().unit()).isEqualTo("miles de m3");
    assertThat(m.measure("temp").orElseThrow().aggregation()).isEqualTo(Aggregation.AVG);
    assertThat(m.measure("temp").orElseThrow().unit()).isEqualTo("°C");
  }

  @Test
  void should_say_what_is_wrong_in_spanish_when_yaml_is_invalid() {
    assertThatThrownBy(() -> MetricViewYaml.readBundle("dimensions: [")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("YAML de métricas inválido");
    assertThatThrownBy(() -> MetricViewYaml.readBundle("version: 1.1\n")).hasMessageContaining("falta 'source'");
  }
}
