package io.datagent.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every pagination style against the loopback server; pages are kept byte for byte with URL and headers. */
class PaginationStylesTest {

  @TempDir
  Path uploads;

  static ApiSource source(String base, String endpointYaml) {
    return SourceDefinitions.parse("t.yml", "source: prueba\nbase_url: " + base + "\nendpoints:\n" + endpointYaml);
  }

  static List<ApiExtractor.EndpointResult> extract(ApiSource s, Path uploads, String run) {
    PageFetcher f = new PageFetcher(s, SecretLookup.DISABLED, java.net.http.HttpClient.newHttpClient(), ms -> { }, new Random(1));
    return new ApiExtractor(s, f, m -> { }).run(uploads, run);
  }

  static List<ObjectNode> posts(int from, int to) {
    List<ObjectNode> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(RecordedApi.wordpressPost(i, "Entrada " + i));
    }
    return out;
  }

  @Test
  void should_keep_the_recorded_fuel_page_byte_for_byte_when_the_records_are_under_a_path() throws Exception {
    byte[] recorded = RecordedApi.resource("carburantes-filtromunicipio-52.json");
    try (RecordedApi api = new RecordedApi(r -> RecordedApi.Reply.json(recorded, Map.of("Content-Type", "application/json; charset=utf-8")))) {
      ApiSource s = source(api.base(), "  - path: /EstacionesTerrestres/FiltroMunicipio/52\n    table: estaciones\n"
          + "    records: ListaEESSPrecio\n    id: IDEESS\n");
      var result = extract(s, uploads, "r1");
      assertThat(result.get(0).records()).isEqualTo(1);
      Path page = uploads.resolve("api/prueba/r1/estaciones/page-00001.json");
      assertThat(Files.readAllBytes(page)).isEqualTo(recorded);
      String meta = Files.readString(uploads.resolve("api/prueba/r1/estaciones/page-00001.meta.json"));
      assertThat(meta).contains(api.base() + "/EstacionesTerrestres/FiltroMunicipio/52").contains("application/json; charset=utf-8");
    }
  }

  @Test
  void should_stop_at_x_wp_totalpages_when_paging_by_page_number() throws Exception {
    try (RecordedApi api = new RecordedApi(r -> {
      int page = Integer.parseInt(r.param("page"));
      return RecordedApi.Reply.json(RecordedApi.array(posts(page * 2 - 1, Math.min(page * 2, 5))),
          RecordedApi.wordpressHeaders("", page, 3, 5, 2));
    })) {
      ApiSource s = source(api.base(), "  - path: /wp-json/wp/v2/posts\n    table: entradas\n    id: id\n"
          + "    pagination:\n      type: page\n      per_page: 2\n");
      var result = extract(s, uploads, "r1").get(0);
      assertThat(result.pages()).isEqualTo(3);
      assertThat(result.records()).isEqualTo(5);
      assertThat(api.requests).extracting(RecordedApi.Request::pathAndQuery).containsExactly(
          "/wp-json/wp/v2/posts?page=1&per_page=2", "/wp-json/wp/v2/posts?page=2&per_page=2", "/wp-json/wp/v2/posts?page=3&per_page=2");
      assertThat(Files.readString(uploads.resolve("api/prueba/r1/entradas/page-00002.meta.json"))).containsIgnoringCase("\"x-wp-totalpages\" : \"3\"");
    }
  }

  @Test
  void should_send_one_request_at_a_time_in_page_order_and_keep_earlier_pages_when_a_page_fetched_ahead_fails() throws Exception {
    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    try (RecordedApi api = new RecordedApi(r -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(15); // slow enough that a second request sent meanwhile would overlap this one
        int page = Integer.parseInt(r.param("page"));
        return page == 4 ? RecordedApi.Reply.status(404, "{\"code\":\"rest_post_invalid_page_number\"}", Map.of())
            : RecordedApi.Reply.json(RecordedApi.array(posts(page * 2 - 1, page * 2)), RecordedApi.wordpressHeaders("", page, 5, 10, 2));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    })) {
      ApiSource s = source(api.base(), "  - path: /wp-json/wp/v2/posts\n    table: entradas\n    id: id\n"
          + "    pagination:\n      type: page\n      per_page: 2\n");
      assertThatThrownBy(() -> extract(s, uploads, "r1")).isInstanceOf(ApiFetchException.class).hasMessageContaining("4")
          .hasMessageContaining("HTTP 404");
      assertThat(most.get()).isEqualTo(1);
      assertThat(api.requests).extracting(RecordedApi.Request::pathAndQuery).containsExactly(
          "/wp-json/wp/v2/posts?page=1&per_page=2", "/wp-json/wp/v2/posts?page=2&per_page=2",
          "/wp-json/wp/v2/posts?page=3&per_page=2", "/wp-json/wp/v2/posts?page=4&per_page=2");
      assertThat(uploads.resolve("api/prueba/r1/entradas/page-00003.json")).exists();
      assertThat(uploads.resolve("api/prueba/r1/entradas/page-00004.json")).doesNotExist();
    }
  }

  @Test
  void should_follow_link_rel_next_when_the_api_sends_rfc_8288_links() throws Exception {
    try (RecordedApi api = new RecordedApi(r -> {
      int page = r.param("page") == null ? 1 : Integer.parseInt(r.param("page"));
      return RecordedApi.Reply.json(RecordedApi.array(posts(page, page)), RecordedApi.wordpressHeaders("", page, 4, 4, 1));
    })) {
      ApiSource s = source(api.base(), "  - path: /wp-json/wp/v2/posts\n    table: entradas\n    id: id\n"
          + "    pagination:\n      type: link\n");
      assertThat(extract(s, uploads, "r1").get(0).records()).isEqualTo(4);
      assertThat(api.requests).extracting(RecordedApi.Request::pathAndQuery).last().isEqualTo("/wp-json/wp/v2/posts?per_page=1&page=4");
    }
    assertThat(Paginator.relNext("<https://a/x?page=1>; rel=\"prev\", <https://a/x?page=3>; rel=\"next last\"")).isEqualTo("https://a/x?page=3");
    assertThat(Paginator.relNext("<https://a/x?page=1>; rel=prev")).isNull();
  }

  @Test
  void should_send_the_cursor_back_and_follow_next_urls_when_the_body_carries_them() throws Exception {
    try (RecordedApi api = new RecordedApi(r -> {
      String c = r.param("cursor");
      int n = c == null ? 1 : Integer.parseInt(c.substring(1));
      String next = n < 3 ? "\"c" + (n + 1) + "\"" : "null";
      String body = "{\"data\":" + new String(RecordedApi.array(posts(n, n)), StandardCharsets.UTF_8) + ",\"meta\":{\"next\":" + next + "}}";
      return RecordedApi.Reply.json(body.getBytes(StandardCharsets.UTF_8), Map.of());
    })) {
      ApiSource s = source(api.base(), "  - path: /v1/posts\n    table: entradas\n    records: data\n    id: id\n"
          + "    pagination:\n      type: cursor\n      next: meta.next\n");
      assertThat(extract(s, uploads, "r1").get(0).records()).isEqualTo(3);
      assertThat(api.requests).extracting(RecordedApi.Request::pathAndQuery).containsExactly("/v1/posts", "/v1/posts?cursor=c2", "/v1/posts?cursor=c3");
    }
    try (RecordedApi api = new RecordedApi(r -> {
      int n = r.param("p") == null ? 1 : Integer.parseInt(r.param("p"));
      String next = n < 2 ? "\"/v1/list?p=" + (n + 1) + "\"" : "null";
      String body = "{\"items\":" + new String(RecordedApi.array(posts(n, n)), StandardCharsets.UTF_8) + ",\"next\":" + next + "}";
      return RecordedApi.Reply.json(body.getBytes(StandardCharsets.UTF_8), Map.of());
    })) {
      ApiSource s = source(api.base(), "  - path: /v1/list\n    table: entradas\n    records: items\n    id: id\n"
          + "    pagination:\n      type: next_url\n      next: next\n");
      assertThat(extract(s, uploads, "r2").get(0).pages()).isEqualTo(2);
    }
  }

  @Test
  void should_advance_the_offset_until_a_short_page_when_paging_by_offset_and_limit() throws Exception {
    try (RecordedApi api = new RecordedApi(r -> {
      int offset = Integer.parseInt(r.param("offset"));
      return RecordedApi.Reply.json(RecordedApi.array(posts(offset + 1, Math.min(offset + 2, 5))), Map.of());
    })) {
      ApiSource s = source(api.base(), "  - path: /items\n    table: entradas\n    id: id\n"
          + "    pagination:\n      type: offset\n      limit: 2\n");
      assertThat(extract(s, uploads, "r1").get(0).records()).isEqualTo(5);
      assertThat(api.requests).extracting(r -> r.param("offset")).containsExactly("0", "2", "4");
    }
  }
}
