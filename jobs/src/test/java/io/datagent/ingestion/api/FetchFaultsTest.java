package io.datagent.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults of a real HTTP exchange, served by the loopback server; waits are recorded instead of slept. */
class FetchFaultsTest {

  @TempDir
  Path uploads;

  final List<Long> waits = new ArrayList<>();
  final byte[] fuel = RecordedApi.resource("carburantes-filtromunicipio-52.json");

  ApiSource fuelSource(String base, String extra) {
    return SourceDefinitions.parse("carburantes.yml", "source: carburantes\nbase_url: " + base + "\n" + extra
        + "endpoints:\n  - path: /EstacionesTerrestres/FiltroMunicipio/52\n    table: estaciones\n    records: ListaEESSPrecio\n    id: IDEESS\n");
  }

  List<ApiExtractor.EndpointResult> extract(ApiSource s, SecretLookup secrets, String run) {
    PageFetcher f = new PageFetcher(s, secrets, HttpClient.newHttpClient(), waits::add, new Random(7));
    return new ApiExtractor(s, f, m -> { }).run(uploads, run);
  }

  @Test
  void should_wait_retry_after_when_the_api_answers_429() throws Exception {
    AtomicInteger n = new AtomicInteger();
    try (RecordedApi api = new RecordedApi(r -> n.incrementAndGet() == 1
        ? RecordedApi.Reply.status(429, "{\"message\":\"Too Many Requests\"}", Map.of("Retry-After", "3"))
        : RecordedApi.Reply.json(fuel, Map.of()))) {
      assertThat(extract(fuelSource(api.base(), ""), SecretLookup.DISABLED, "r1").get(0).records()).isEqualTo(1);
      assertThat(waits).containsExactly(3000L);
    }
  }

  @Test
  void should_back_off_with_bounded_jitter_and_then_fail_naming_source_page_and_url_when_5xx_persists() throws Exception {
    try (RecordedApi api = new RecordedApi(r -> RecordedApi.Reply.status(503, "<html>Service Unavailable</html>", Map.of()))) {
      ApiSource s = fuelSource(api.base(), "retry:\n  max_attempts: 4\n  base_delay_ms: 100\n  max_delay_ms: 250\n");
      assertThatThrownBy(() -> extract(s, SecretLookup.DISABLED, "r1"))
          .isInstanceOf(ApiFetchException.class)
          .hasMessage("Fuente carburantes, página 1 (" + api.base() + "/EstacionesTerrestres/FiltroMunicipio/52): "
              + "error del servidor (HTTP 503) tras 4 intento(s)");
      assertThat(api.requests).hasSize(4);
      assertThat(waits).hasSize(3).allSatisfy(w -> assertThat(w).isBetween(0L, 250L));
    }
  }

  @Test
  void should_retry_after_a_timeout_and_succeed() throws Exception {
    AtomicInteger n = new AtomicInteger();
    try (RecordedApi api = new RecordedApi(r -> n.incrementAndGet() == 1
        ? new RecordedApi.Reply(200, Map.of("Content-Type", "application/json"), fuel, 2500)
        : RecordedApi.Reply.json(fuel, Map.of()))) {
      ApiSource s = fuelSource(api.base(), "retry:\n  timeout_seconds: 1\n");
      assertThat(extract(s, SecretLookup.DISABLED, "r1").get(0).records()).isEqualTo(1);
      assertThat(api.requests).hasSize(2);
    }
  }

  @Test
  void should_fail_with_a_clear_message_when_the_body_is_truncated() throws Exception {
    byte[] truncated = Arrays.copyOf(fuel, fuel.length / 2);
    try (RecordedApi api = new RecordedApi(r -> RecordedApi.Reply.json(truncated, Map.of()))) {
      ApiSource s = fuelSource(api.base(), "retry:\n  max_attempts: 2\n");
      assertThatThrownBy(() -> extract(s, SecretLookup.DISABLED, "r1"))
          .hasMessageStartingWith("Fuente carburantes, página 1 (" + api.base() + "/EstacionesTerrestres/FiltroMunicipio/52): "
              + "la respuesta no es JSON completo (")
          .hasMessageEndingWith("tras 2 intento(s)");
      assertThat(uploads.resolve("api/carburantes/r1/estaciones/page-00001.json")).doesNotExist();
    }
  }

  @Test
  void should_stop_when_the_api_returns_the_same_page_forever() throws Exception {
    byte[] page = RecordedApi.array(PaginationStylesTest.posts(1, 2));
    try (RecordedApi api = new RecordedApi(r -> RecordedApi.Reply.json(page, Map.of()))) {
      ApiSource s = PaginationStylesTest.source(api.base(), "  - path: /wp-json/wp/v2/posts\n    table: entradas\n    id: id\n"
          + "    pagination:\n      type: page\n      per_page: 2\n");
      assertThatThrownBy(() -> extract(s, SecretLookup.DISABLED, "r1"))
          .hasMessageContaining("página 2").hasMessageContaining("page=2&per_page=2").hasMessageContaining("bucle de paginación");
    }
    try (RecordedApi api = new RecordedApi(r -> RecordedApi.Reply.json(
        ("{\"items\":[{\"id\":" + r.number() + "}],\"next\":\"/v1/list?p=1\"}").getBytes(StandardCharsets.UTF_8), Map.of()))) {
      ApiSource s = PaginationStylesTest.source(api.base(), "  - path: /v1/list?p=1\n    table: entradas\n    records: items\n    id: id\n"
          + "    pagination:\n      type: next_url\n      next: next\n");
      assertThatThrownBy(() -> extract(s, SecretLookup.DISABLED, "r2"))
          .hasMessageContaining("vuelve a enviar una página ya pedida");
    }
  }

  @Test
  void should_read_the_secret_again_once_when_the_token_expired() throws Exception {
    List<String> tokens = new ArrayList<>(List.of("caducado", "nuevo"));
    SecretLookup rotating = (scope, key) -> Optional.of(tokens.size() > 1 ? tokens.remove(0) : tokens.get(0));
    try (RecordedApi api = new RecordedApi(r -> "Bearer nuevo".equals(r.authorization())
        ? RecordedApi.Reply.json(fuel, Map.of())
        : RecordedApi.Reply.status(401, "{\"code\":\"jwt_auth_invalid_token\"}", Map.of()))) {
      ApiSource s = fuelSource(api.base(), "auth:\n  type: bearer\n  scope: datagent\n  key: fuel-token\n");
      assertThat(extract(s, rotating, "r1").get(0).records()).isEqualTo(1);
      assertThat(api.requests).extracting(RecordedApi.Request::authorization).containsExactly("Bearer caducado", "Bearer nuevo");
      SecretLookup stale = (scope, key) -> Optional.of("caducado");
      assertThatThrownBy(() -> extract(s, stale, "r2"))
          .hasMessageContaining("credenciales rechazadas (HTTP 401); revise el secreto datagent/fuel-token")
          .hasMessageNotContaining("caducado");
    }
  }

  @Test
  void should_resume_after_the_last_saved_page_and_fetch_nothing_when_the_run_is_complete() throws Exception {
    AtomicInteger failPage3 = new AtomicInteger(1);
    try (RecordedApi api = new RecordedApi(r -> {
      int page = Integer.parseInt(r.param("page"));
      if (page == 3 && failPage3.get() == 1) {
        return RecordedApi.Reply.status(500, "{\"code\":\"internal_server_error\"}", Map.of());
      }
      return RecordedApi.Reply.json(RecordedApi.array(PaginationStylesTest.posts(page, page)), RecordedApi.wordpressHeaders("", page, 4, 4, 1));
    })) {
      ApiSource s = PaginationStylesTest.source(api.base(), "  - path: /wp-json/wp/v2/posts\n    table: entradas\n    id: id\n"
          + "    pagination:\n      type: page\n      per_page: 1\n") ;
      ApiSource oneTry = new ApiSource(s.name(), s.baseUrl(), s.auth(), new ApiSource.CallPolicy(0, 1, 1, 1, 5), s.incremental(), s.endpoints());
      assertThatThrownBy(() -> extract(oneTry, SecretLookup.DISABLED, "r1")).hasMessageContaining("página 3");
      assertThat(Files.exists(uploads.resolve("api/prueba/r1/entradas/page-00002.meta.json"))).isTrue();
      api.requests.clear();
      failPage3.set(0);
      var resumed = extract(oneTry, SecretLookup.DISABLED, "r1").get(0);
      assertThat(resumed.resumedPages()).isEqualTo(2);
      assertThat(resumed.records()).isEqualTo(4);
      assertThat(api.requests).extracting(r -> r.param("page")).containsExactly("3", "4");
      api.requests.clear();
      assertThat(extract(oneTry, SecretLookup.DISABLED, "r1").get(0).skipped()).isTrue();
      assertThat(api.requests).isEmpty();
    }
  }
}
