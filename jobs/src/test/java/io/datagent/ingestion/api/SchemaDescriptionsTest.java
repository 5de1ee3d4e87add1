package io.datagent.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column descriptions taken from the API's own description, served by the loopback server from real recordings. */
class SchemaDescriptionsTest {

  @TempDir
  Path uploads;

  static ApiSource source(String base, String endpointExtra) {
    return SourceDefinitions.parse("blog.yml", "source: blog\nbase_url: " + base + "\nendpoints:\n"
        + "  - path: /wp-json/wp/v2/posts\n    table: entradas\n    id: id\n" + endpointExtra);
  }

  @Test
  void should_describe_columns_from_the_wordpress_route_and_keep_the_dictionary_first_when_both_exist() throws Exception {
    byte[] route = RecordedApi.resource("wordpress-posts-route-wpapi.json");
    byte[] posts = RecordedApi.resource("wordpress-posts-simse.json");
    try (RecordedApi api = new RecordedApi(r -> r.method().equals("OPTIONS")
        ? RecordedApi.Reply.json(route, Map.of("Allow", "GET, POST"))
        : RecordedApi.Reply.json(posts, RecordedApi.wordpressHeaders("", 1, 1, 1, 100)))) {
      ApiSource s = source(api.base(), "    descriptions:\n      slug: Identificador legible de la entrada\n    schema:\n      type: wordpress\n");
      new ApiExtractor(s, PageFetcher.standard(s, SecretLookup.DISABLED), m -> { }).run(uploads, "r1");
      PageStore store = new PageStore(uploads, "blog", "r1");
      assertThat(Files.readAllBytes(store.dir("entradas").resolve("_schema.json"))).isEqualTo(route);
      assertThat(Files.readString(store.dir("entradas").resolve("_schema.meta.json"))).contains("\"allow\" : \"GET, POST\"");
      ApiEndpoint ep = s.endpoints().get(0);
      SavedPages saved = SavedPages.read(s, ep, store, "r1");
      RecordSummary summary = RecordSummary.of(new PageParser(s, ep), saved.pages, ep.id(), null);
      TypedColumns cols = new TypedColumns(ep, summary.profiles, null, saved.apiDescriptions);
      assertThat(cols.comments.get("date")).isEqualTo("The date the object was published, in the site's timezone.");
      assertThat(cols.comments.get("title")).isEqualTo("The title for the object.");
      assertThat(cols.comments.get("slug")).as("the file's dictionary wins").isEqualTo("Identificador legible de la entrada");
      assertThat(cols.comments.get("link")).as("a field the API does not describe keeps its name").isEqualTo("link");
      assertThat(saved.apiDescriptions).as("query parameters of GET are not field descriptions").doesNotContainKey("page");
    }
  }

  @Test
  void should_read_openapi_component_descriptions_of_records_nested_in_a_wrapper() throws Exception {
    byte[] doc = RecordedApi.resource("openapi-uspto-dataset.json");
    byte[] body = ("{\"total\":1,\"apis\":[{\"apiKey\":\"oa_citations\",\"apiVersionNumber\":\"v1\","
        + "\"apiUrl\":\"https://developer.uspto.gov/ds-api/oa_citations/v1/fields\","
        + "\"apiDocumentationUrl\":\"https://developer.uspto.gov/ds-api-docs/index.html?url=https://developer.uspto.gov/ds-api/swagger/docs/oa_citations.json\"}]}")
        .getBytes(StandardCharsets.UTF_8);
    try (RecordedApi api = new RecordedApi(r -> RecordedApi.Reply.json(r.path().equals("/openapi.json") ? doc : body, Map.of()))) {
      ApiSource s = SourceDefinitions.parse("uspto.yml", "source: uspto\nbase_url: " + api.base() + "\nendpoints:\n"
          + "  - path: /\n    table: conjuntos\n    records: apis\n    id: apiKey\n"
          + "    schema:\n      type: openapi\n      url: /openapi.json\n      component: dataSetList.apis\n");
      new ApiExtractor(s, PageFetcher.standard(s, SecretLookup.DISABLED), m -> { }).run(uploads, "r1");
      SavedPages saved = SavedPages.read(s, s.endpoints().get(0), new PageStore(uploads, "uspto", "r1"), "r1");
      assertThat(saved.apiDescriptions).containsEntry("apiKey", "To be used as a dataset parameter value")
          .containsEntry("apiUrl", "The URL describing the dataset's fields").hasSize(4);

      ApiSource wrong = SourceDefinitions.parse("uspto.yml", "source: uspto\nbase_url: " + api.base() + "\nendpoints:\n"
          + "  - path: /\n    table: otros\n    records: apis\n    id: apiKey\n"
          + "    schema:\n      type: openapi\n      url: /openapi.json\n      component: dataSetList.datasets\n");
      assertThatThrownBy(() -> new ApiExtractor(wrong, PageFetcher.standard(wrong, SecretLookup.DISABLED), m -> { }).run(uploads, "r2"))
          .isInstanceOf(SourceDefinitionException.class)
          .hasMessage("Fuente uspto, endpoint otros, clave 'schema.component': el esquema 'dataSetList' no tiene la propiedad 'datasets'");
      assertThat(new PageStore(uploads, "uspto", "r2").pages("otros")).as("no page fetched before the description is valid").isEmpty();
    }
  }

  @Test
  void should_name_the_key_when_the_schema_setting_is_invalid() {
    assertThatThrownBy(() -> source("https://example.org", "    schema:\n      type: graphql\n"))
        .isInstanceOf(SourceDefinitionException.class).hasMessageContaining("schema.type").hasMessageContaining("wordpress u openapi");
    assertThatThrownBy(() -> source("https://example.org", "    schema:\n      type: openapi\n      url: /openapi.json\n"))
        .isInstanceOf(SourceDefinitionException.class).hasMessageContaining("schema.component");
    assertThatThrownBy(() -> source("https://example.org", "    schema:\n      type: openapi\n      url: openapi.json\n      component: X\n"))
        .isInstanceOf(SourceDefinitionException.class).hasMessageContaining("schema.url");
  }
}
