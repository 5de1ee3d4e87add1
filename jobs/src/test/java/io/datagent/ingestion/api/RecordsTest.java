package io.datagent.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the records sit in real bodies: Red Eléctrica's REData keeps each price series inside an element of an array. */
class RecordsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REDATA = "ree-apidatos-precios-mercados-tiempo-real-2021-06-01.json";

  @Test
  void should_select_one_series_when_a_jsonpath_filters_the_array_element_holding_it() throws Exception {
    JsonNode body = JSON.readTree(RecordedApi.resource(REDATA));
    JsonNode pvpc = Records.array(body, "$.included[?(@.id == '1001')].attributes.values");
    JsonNode spot = Records.array(body, "included[1].attributes.values");
    assertThat(pvpc).hasSize(24);
    assertThat(spot).hasSize(24);
    assertThat(pvpc.get(0).path("datetime").asText()).isEqualTo("2021-06-01T00:00:00.000+02:00");
    assertThat(pvpc.get(0).path("value").asDouble()).isNotEqualTo(spot.get(0).path("value").asDouble());
    // every element's series, joined into one list of records
    assertThat(Records.array(body, "$.included[*].attributes.values")).hasSize(48);
    assertThat(Records.array(body, "$.included[?(@.id == '9999')].attributes.values")).isEmpty();
    assertThat(Records.array(body, "included.0.attributes")).isNull();
  }

  @Test
  void should_read_a_json_ld_graph_and_dotted_paths_as_before_when_no_jsonpath_is_used() throws Exception {
    JsonNode body = JSON.readTree("{\"@context\":{},\"@graph\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"meta\":{\"next\":\"c2\"}}");
    assertThat(Records.array(body, "@graph")).hasSize(2);
    assertThat(Records.path(body, "meta.next").asText()).isEqualTo("c2");
    assertThat(Records.path(body, "$.meta.next").asText()).isEqualTo("c2");
    assertThat(Records.path(body, "meta.missing").isMissingNode()).isTrue();
    assertThat(Records.path(body, "$.meta.missing").isMissingNode()).isTrue();
  }

  @Test
  void should_flatten_the_series_values_when_a_page_is_parsed_with_a_jsonpath(@TempDir Path dir) throws Exception {
    Path page = Files.write(dir.resolve("page-00001.json"), RecordedApi.resource(REDATA));
    ApiSource s = SourceDefinitions.parse("ree.yml", """
        source: ree
        base_url: https://apidatos.ree.es
        endpoints:
          - path: /es/datos/mercados/precios-mercados-tiempo-real
            table: precio_pvpc
            records: "$.included[?(@.type == 'PVPC (€/MWh)')].attributes.values"
            id: datetime
        """);
    List<ParsedRecord> records = new PageParser(s, s.endpoints().get(0))
        .parse(new PageRef(1, "https://apidatos.ree.es/x", "2021-06-01T10:00:00Z", page.toString(), page.toString()));
    assertThat(records).hasSize(24);
    Map<String, String> first = records.get(0).fields().toMap();
    assertThat(first).containsOnlyKeys("value", "percentage", "datetime");
    assertThat(first.get("datetime")).isEqualTo("2021-06-01T00:00:00.000+02:00");
  }

  @Test
  void should_name_the_key_when_a_records_path_is_not_valid() {
    String yaml = """
        source: ree
        base_url: https://apidatos.ree.es
        endpoints:
          - path: /es/datos
            table: precios
            records: "$.included[?(@.id == ].values"
            id: datetime
        """;
    assertThatThrownBy(() -> SourceDefinitions.parse("ree.yml", yaml))
        .isInstanceOf(SourceDefinitionException.class)
        .hasMessageStartingWith("Fuente ree.yml: clave 'endpoints[0].records': '$.included[?(@.id == ].values': JSONPath no válido");
    assertThatThrownBy(() -> SourceDefinitions.parse("ree.yml", yaml.replace("\"$.included[?(@.id == ].values\"", "@graph")))
        .hasMessageContaining("va entre comillas, p. ej. records: \"@graph\"");
  }
}
