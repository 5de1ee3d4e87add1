package io.datagent.retrieval.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.retrieval.Hit;
import io.datagent.retrieval.SearchRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.testkit.FakeWorkspace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VectorSearchRetrieverTest {

  static final ObjectMapper JSON = new ObjectMapper();

  FakeWorkspace ws;
  Platform platform;

  @BeforeEach
  void start() {
    ws = new FakeWorkspace();
    ws.auth().allowToken("dapi-test");
    platform = new Platform(PlatformConfig.pat(ws.url(), "dapi-test"));
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  @Test
  void should_query_the_index_with_vector_text_and_filters_and_map_the_rows_to_hits() throws Exception {
    // given
    ws.serving().dimension("gte", 3);
    ws.store().vectorSearch("main.serving.document_embeddings_index",
        "{\"manifest\":{\"column_count\":7,\"columns\":[{\"name\":\"id\"},{\"name\":\"kind\"},{\"name\":\"table\"},"
            + "{\"name\":\"source_file\"},{\"name\":\"source_row\"},{\"name\":\"text\"},{\"name\":\"score\"}]},"
            + "\"result\":{\"row_count\":2,\"data_array\":[[\"row:t:f.csv:2\",\"row\",\"t\",\"f.csv\",2,\"Central: ABRO\",0.032],"
            + "[\"table_card:t\",\"table_card\",\"t\",\"f.csv\",null,\"Tabla t\",0.016]]},\"next_page_token\":\"\"}");
    VectorSearchRetriever r = new VectorSearchRetriever(platform.vectorSearch(), "main.serving.document_embeddings_index",
        new DatabricksEmbeddingModel(platform.serving(), "gte", 16, 3), true);

    // when
    List<Hit> hits = r.search(new SearchRequest("central abro", 5, Set.of("t"), Set.of("row", "table_card")));

    // then
    assertThat(hits).containsExactly(new Hit("row:t:f.csv:2", "row", "t", "f.csv", 2L, "Central: ABRO", 0.032),
        new Hit("table_card:t", "table_card", "t", "f.csv", null, "Tabla t", 0.016));
    var body = JSON.readTree(ws.calls("/api/2.0/vector-search/indexes/main.serving.document_embeddings_index/query").get(0).body());
    assertThat(body.path("query_type").asText()).isEqualTo("HYBRID");
    assertThat(body.path("query_text").asText()).isEqualTo("central abro");
    assertThat(body.path("query_vector").size()).isEqualTo(3);
    assertThat(body.path("num_results").asInt()).isEqualTo(5);
    var filters = JSON.readTree(body.path("filters_json").asText());
    assertThat(filters.path("table").get(0).asText()).isEqualTo("t");
    assertThat(filters.path("kind").size()).isEqualTo(2);
  }
}
