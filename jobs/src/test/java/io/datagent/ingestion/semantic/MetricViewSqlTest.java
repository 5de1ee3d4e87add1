package io.datagent.ingestion.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.ingestion.IngestConfig;
import io.datagent.ingestion.IngestJob;
import io.datagent.semantic.MetricViewYaml;
import io.datagent.semantic.SemanticModel;
import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.TableProfile;
import io.datagent.spark.TableRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricViewSqlTest {

  static SemanticModel potencia() {
    return SemanticModels.derive(new TableProfile("serving.potenciainstalada", "Potencia instalada", null, 3, List.of(
        new TableProfile.Column("region", "string", "REGION", "REGION", 2, Map.of("COMAHUE", 2L, "NOA", 1L), Map.of()),
        new TableProfile.Column("potencia_instalada_mw", "decimal(38,1)", "POTENCIA INSTALADA [MW]",
            "POTENCIA INSTALADA [MW]", 3, Map.of(), Map.of()))));
  }

  @Test
  void should_create_the_metric_view_beside_the_table_with_its_full_name_as_source_when_published() {
    String sql = MetricViewSql.create(TableRef.of("main", "serving", "potenciainstalada"), potencia());

    assertThat(sql).startsWith("CREATE OR REPLACE VIEW `main`.`serving`.`potenciainstalada_metricas`\n"
        + "WITH METRICS\nLANGUAGE YAML\nAS $$\n").endsWith("$$");
    String yaml = sql.substring(sql.indexOf("$$\n") + 3, sql.lastIndexOf("$$"));
    assertThat(yaml).contains("version: \"1.1\"").doesNotContain(MetricViewYaml.SIDECAR_KEY);
    SemanticModel back = MetricViewYaml.readBundle(yaml);
    assertThat(back.source()).isEqualTo("main.serving.potenciainstalada");
    assertThat(back.measure("potencia_instalada_mw").orElseThrow().expr()).isEqualTo("SUM(potencia_instalada_mw)");
  }

  @Test
  void should_refuse_a_model_whose_text_would_close_the_dollar_quoted_body() {
    SemanticModel m = potencia();
    SemanticModel bad = new SemanticModel(m.source(), "cuesta $$ mucho", m.rowNoun(), m.dimensions(), m.measures());

    assertThatThrownBy(() -> MetricViewSql.create(TableRef.of("main", "serving", "t"), bad))
        .hasMessageContaining("$$");
  }

  @Test
  void should_keep_metric_views_off_and_models_under_the_uploads_when_no_parameter_is_given() {
    IngestConfig cfg = IngestJob.config("--source", "/Volumes/main/raw/uploads");

    assertThat(cfg.semantic().metricViews()).isFalse();
    assertThat(cfg.semantic().modelFile("t")).isEqualTo(Path.of("/Volumes/main/raw/uploads/_semantica/modelos/t.yaml"));
    assertThat(cfg.semantic().overrideFile("t")).isEqualTo(Path.of("/Volumes/main/raw/uploads/_semantica/t.yaml"));
  }

  @Test
  void should_switch_metric_views_on_and_refuse_a_value_that_is_not_a_boolean() {
    assertThat(IngestJob.config("--source", "/x", "--metric-views", "true").semantic().metricViews()).isTrue();
    assertThatThrownBy(() -> IngestJob.config("--source", "/x", "--metric-views", "sí"))
        .hasMessageContaining("--metric-views");
  }
}
