package io.datagent.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceDefinitionsTest {

  static final String FUEL = """
      source: carburantes
      base_url: https://sedeaplicaciones.minetur.gob.es/ServiciosRESTCarburantes/PreciosCarburantes/
      rate_limit:
        requests_per_second: 2
      endpoints:
        - path: /EstacionesTerrestres/FiltroMunicipio/52
          table: estaciones_abengibre
          records: ListaEESSPrecio
          id: IDEESS
          descriptions:
            Precio Gasoleo A: Precio del gasóleo A en euros por litro
      """;

  @Test
  void should_read_every_setting_when_the_file_is_valid() {
    ApiSource s = SourceDefinitions.parse("carburantes.yml", FUEL);
    assertThat(s.name()).isEqualTo("carburantes");
    assertThat(s.baseUrl()).doesNotEndWith("/");
    assertThat(s.calls().minIntervalMillis()).isEqualTo(500);
    ApiEndpoint ep = s.endpoints().get(0);
    assertThat(ep.recordsPath()).isEqualTo("ListaEESSPrecio");
    assertThat(ep.pagination().style()).isEqualTo(Pagination.Style.NONE);
    assertThat(ep.descriptions()).containsEntry("Precio Gasoleo A", "Precio del gasóleo A en euros por litro");
    assertThat(s.auth()).isEqualTo(Auth.NONE);
  }

  @Test
  void should_name_the_key_when_the_pagination_type_is_unknown() {
    String yaml = FUEL + "    pagination:\n      type: pages\n";
    assertThatThrownBy(() -> SourceDefinitions.parse("carburantes.yml", yaml))
        .isInstanceOf(SourceDefinitionException.class)
        .hasMessage("Fuente carburantes.yml: clave 'endpoints[0].pagination.type': valor 'pages' no válido; "
            + "se admite none, page, link, cursor, next_url u offset");
  }

  @Test
  void should_name_the_missing_key_when_a_required_one_is_absent() {
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", FUEL.replace("    table: estaciones_abengibre\n", "")))
        .hasMessage("Fuente x.yml: clave 'endpoints[0].table': falta (es obligatoria)");
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", FUEL.replace("base_url: https://", "base_url: ftp://")))
        .hasMessageStartingWith("Fuente x.yml: clave 'base_url': debe ser una URL http:// o https://");
  }

  @Test
  void should_read_a_composite_id_and_name_the_key_when_its_list_is_empty_not_text_or_repeated() {
    ApiEndpoint ep = SourceDefinitions.parse("x.yml", FUEL.replace("id: IDEESS", "id: [datetime_utc, geo_id]")).endpoints().get(0);
    assertThat(ep.id().fields()).containsExactly("datetime_utc", "geo_id");
    assertThat(ep.id().composite()).isTrue();
    assertThat(SourceDefinitions.parse("x.yml", FUEL).endpoints().get(0).id()).isEqualTo(RecordKey.single("IDEESS"));
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", FUEL.replace("id: IDEESS", "id: []")))
        .hasMessage("Fuente x.yml: clave 'endpoints[0].id': debe ser un campo o una lista de campos con al menos uno");
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", FUEL.replace("id: IDEESS", "id: [datetime_utc, {geo: id}]")))
        .hasMessageStartingWith("Fuente x.yml: clave 'endpoints[0].id[1]': debe ser el nombre de un campo (texto no vacío)");
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", FUEL.replace("id: IDEESS", "id: [datetime_utc, 7]")))
        .hasMessage("Fuente x.yml: clave 'endpoints[0].id[1]': debe ser el nombre de un campo (texto no vacío), no '7'");
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", FUEL.replace("id: IDEESS", "id: [geo_id, datetime_utc, geo_id]")))
        .hasMessage("Fuente x.yml: clave 'endpoints[0].id[2]': el campo 'geo_id' ya está en la clave");
  }

  @Test
  void should_refuse_an_unknown_key_and_a_secret_value_in_the_file() {
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", FUEL.replace("rate_limit:", "rate_limits:")))
        .hasMessageStartingWith("Fuente x.yml: clave 'rate_limits': clave desconocida");
    String withToken = FUEL + "auth:\n  type: bearer\n  scope: datagent\n  token: abc123\n";
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", withToken))
        .hasMessageStartingWith("Fuente x.yml: clave 'auth.token': clave desconocida");
  }

  @Test
  void should_refuse_a_reserved_or_malformed_table_name() {
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", FUEL.replace("estaciones_abengibre", "documents")))
        .hasMessageContaining("clave 'endpoints[0].table'").hasMessageContaining("reservado");
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", FUEL.replace("estaciones_abengibre", "Estaciones Abengibre")))
        .hasMessageContaining("'estaciones_abengibre'");
  }

  @Test
  void should_read_auth_from_scope_names_when_basic_is_declared() {
    ApiSource s = SourceDefinitions.parse("x.yml", FUEL
        + "auth:\n  type: basic\n  scope: partner\n  key: api-user\n  password_key: api-password\n");
    assertThat(s.auth()).isEqualTo(new Auth(Auth.Kind.BASIC, "partner", "api-user", "api-password", null));
    assertThatThrownBy(() -> SourceDefinitions.parse("x.yml", FUEL + "auth:\n  type: basic\n  scope: partner\n  key: u\n"))
        .hasMessage("Fuente x.yml: clave 'auth.password_key': falta (es obligatoria)");
  }

  @Test
  void should_accept_the_documented_example_sources() throws Exception {
    java.nio.file.Path docs = java.nio.file.Path.of("..", "docs", "api-sources");
    ApiSource fuel = SourceDefinitions.read(docs.resolve("carburantes.yml"));
    ApiSource blog = SourceDefinitions.read(docs.resolve("blog.yml"));
    assertThat(fuel.endpoints().get(0).recordsPath()).isEqualTo("ListaEESSPrecio");
    assertThat(blog.incremental()).isEqualTo(new ApiSource.Incremental("modified_after", "modified"));
    assertThat(blog.endpoints().get(0).htmlFields()).containsExactly("title", "excerpt", "content");
    ApiSource esios = SourceDefinitions.read(docs.resolve("esios-pvpc.yml"));
    assertThat(esios.endpoints().get(0).id()).isEqualTo(new RecordKey(java.util.List.of("datetime_utc", "geo_id")));
    assertThat(esios.auth().kind()).isEqualTo(Auth.Kind.API_KEY_HEADER);
  }
}
