package io.datagent.ingestion.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.semantic.Aggregation;
import io.datagent.semantic.SemanticModel;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelOverrideTest {

  static final Set<String> COLUMNS = Set.of("region", "potencia_instalada_mw");

  @Test
  void should_extend_named_entries_add_new_ones_and_keep_the_rest_when_the_override_is_valid() {
    SemanticModel derived = MetricViewSqlTest.potencia();

    SemanticModel m = ModelOverride.apply(derived, """
        comment: Parque de generación
        measures:
          - name: potencia_instalada_mw
            display_name: Potencia
            synonyms: [capacidad, potencia]
          - name: potencia_media
            expr: AVG(potencia_instalada_mw)
        dimensions:
          - name: zona
            expr: region
        ---
        datagent_semantic: 1
        measures:
          - name: potencia_media
            unit: MW
        """, COLUMNS);

    assertThat(m.comment()).isEqualTo("Parque de generación");
    assertThat(m.measure("potencia_instalada_mw").orElseThrow().displayName()).isEqualTo("Potencia");
    assertThat(m.measure("potencia_instalada_mw").orElseThrow().synonyms()).containsExactly("capacidad", "potencia");
    assertThat(m.measure("potencia_instalada_mw").orElseThrow().unit()).isEqualTo("MW");
    assertThat(m.measure("potencia_media").orElseThrow().aggregation()).isEqualTo(Aggregation.AVG);
    assertThat(m.measure("potencia_media").orElseThrow().unit()).isEqualTo("MW");
    assertThat(m.dimension("zona").orElseThrow().column()).isEqualTo("region");
    assertThat(m.dimension("region").orElseThrow().values()).containsExactly("COMAHUE", "NOA");
    assertThat(m.rowCount().orElseThrow().name()).isEqualTo(derived.rowCount().orElseThrow().name());
  }

  @Test
  void should_read_a_changed_expression_of_a_derived_measure_from_the_override() {
    SemanticModel m = ModelOverride.apply(MetricViewSqlTest.potencia(), """
        measures:
          - name: potencia_instalada_mw
            expr: MAX(potencia_instalada_mw)
        """, COLUMNS);

    assertThat(m.measure("potencia_instalada_mw").orElseThrow().aggregation()).isEqualTo(Aggregation.MAX);
  }

  @Test
  void should_name_the_key_at_fault_in_spanish_when_the_override_is_invalid() {
    SemanticModel d = MetricViewSqlTest.potencia();
    assertThatThrownBy(() -> ModelOverride.apply(d, "measures: [\n", COLUMNS)).hasMessageContaining("no es YAML válido");
    assertThatThrownBy(() -> ModelOverride.apply(d, "medidas: []", COLUMNS)).hasMessageContaining("clave desconocida 'medidas'");
    assertThatThrownBy(() -> ModelOverride.apply(d, "measures: {name: x}", COLUMNS))
        .hasMessageContaining("'measures' debe ser una lista");
    assertThatThrownBy(() -> ModelOverride.apply(d, "measures:\n  - expr: SUM(region)", COLUMNS))
        .hasMessageContaining("measures[0]: falta 'name'");
    assertThatThrownBy(() -> ModelOverride.apply(d, "measures:\n  - name: a\n  - name: b\n    expr: potencia * 2", COLUMNS))
        .hasMessageContaining("measures[1].expr").hasMessageContaining("no es una agregación");
    assertThatThrownBy(() -> ModelOverride.apply(d, "dimensions:\n  - name: z\n    expr: provincia", COLUMNS))
        .hasMessageContaining("dimensions[0].expr: la columna «provincia» no existe");
    assertThatThrownBy(() -> ModelOverride.apply(d, "measures:\n  - name: x\n    synonyms: uno", COLUMNS))
        .hasMessageContaining("measures[0].synonyms: debe ser una lista");
    assertThatThrownBy(() -> ModelOverride.apply(d, "source: serving.otra", COLUMNS))
        .hasMessageContaining("'source'");
    assertThatThrownBy(() -> ModelOverride.apply(d, "---\ndatagent_semantic: 1\nmeasures:\n  - name: x\n    aggregation: SUMA", COLUMNS))
        .hasMessageContaining("datagent_semantic.measures[0].aggregation");
  }

  @Test
  void should_refuse_a_new_measure_without_an_expression() {
    assertThatThrownBy(() -> ModelOverride.apply(MetricViewSqlTest.potencia(), "measures:\n  - name: nueva\n", COLUMNS))
        .isInstanceOf(ModelOverride.OverrideException.class).hasMessageContaining("measures[0]").hasMessageContaining("'expr'");
  }
}
