package io.datagent.jobmonitor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.jobmonitor.Configs;
import io.datagent.jobmonitor.config.Classifiers;
import org.junit.jupiter.api.Test;

/** The failures of the API-sources job (ApiExtractJob / ApiLoadJob messages) land in the category that acts right. */
class ApiSourceClassificationTest {

  private final TriageClassifier classifier = Classifiers.rulesOnly(Configs.shipped(), ErrorCatalog.load());

  private String category(String message) {
    return classifier.classify(Failure.ofText("java.lang.IllegalStateException: La extracción terminó con errores:\n  - " + message))
        .category().id();
  }

  @Test
  void should_classify_api_source_failures_by_what_fixes_them() {
    assertThat(category("Fuente blog.yml: clave 'endpoints[0].table': falta (es obligatoria)")).isEqualTo("syntax");
    assertThat(category("Fuente blog, página 1 (https://x/wp-json/wp/v2/posts?page=1&per_page=100): credenciales rechazadas "
        + "(HTTP 401); revise el secreto datagent/api-token")).isEqualTo("permission");
    assertThat(category("Fuente blog, página 7 (https://x/wp-json/wp/v2/posts?page=7&per_page=100): la API devuelve la misma "
        + "página que la anterior (bucle de paginación)")).isEqualTo("data");
    assertThat(category("Fuente carburantes, página 1 (https://x/Filtro/52): error del servidor (HTTP 503) tras 5 intento(s)"))
        .isEqualTo("network");
    assertThat(category("api/esios/20261207T1200-ab/pvpc: el campo id 'geo' no aparece en ningún registro (clave 'id' del endpoint)"))
        .isEqualTo("syntax");
    assertThat(category("api/esios/20261207T1200-ab/pvpc: la tabla main.serving.pvpc existe con una clave de un solo campo; la clave "
        + "id: [datetime_utc, geo_id] necesita otra tabla (cambie 'table' del endpoint o borre la tabla)")).isEqualTo("syntax");
  }
}
