package io.datagent.app.trusted;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.trusted.ParamType;
import io.datagent.agent.trusted.TrustedQuery;
import io.datagent.app.TestAgent;
import io.datagent.app.TestApp;
import io.datagent.app.TestData;
import io.datagent.app.TestPostgres;
import io.datagent.app.roles.Engineers;
import io.datagent.app.roles.EngineersOnly;
import io.datagent.app.state.StateDatabase;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trusted queries' store on the App's PostgreSQL and their API on the real App (engineers only, Spanish errors). */
class TrustedQueryApiTest {

  static final String ENGINEER = "ingeniera@empresa.es";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SAVE = """
      {"question": "¿Potencia instalada en Cuyo?", "title": "Potencia de una región",
       "sql": "SELECT SUM(potencia_mw) AS potencia FROM serving.plantas WHERE trim(region) IN ('CUYO')",
       "params": [{"name": "region", "type": "texto", "value": "Cuyo"}]}""";

  final DataSource db = TestPostgres.freshDatabase();
  TestApp app;

  TestApp start() throws java.io.IOException {
    SqlGuard guard = new SqlGuard(AgentConfig.defaults().sqlPolicy());
    app = new TestApp(new TestAgent(), TestData.catalog(), new TestData.InstantIngestion(), false, 10_000, db,
        List.of(EngineersOnly.monitor(Engineers.listed(ENGINEER), db),
            new TrustedQueryRoutes(new PostgresTrustedQueries(db), guard, Clock.systemUTC())));
    return app;
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void should_keep_order_and_types_and_replace_by_id_when_stored_in_postgres() {
    new StateDatabase(db).migrate();
    PostgresTrustedQueries store = new PostgresTrustedQueries(db);
    TrustedQuery q = new TrustedQuery("a", "serving.plantas", "T", List.of("de {b} a {a}"),
        "SELECT x FROM serving.plantas WHERE a = :a AND b = :b", new java.util.LinkedHashMap<>(Map.of()) {{
          put("b", ParamType.DATE);
          put("a", ParamType.INTEGER);
        }}, "ana", Instant.parse("2026-01-02T03:04:05Z"));

    store.save(q);
    store.save(new TrustedQuery("a", q.table(), "T2", q.patterns(), q.sql(), q.params(), "ana", q.createdAt()));

    assertThat(store.list()).singleElement().satisfies(got -> {
      assertThat(got.title()).isEqualTo("T2");
      assertThat(got.params().keySet()).containsExactly("b", "a");
      assertThat(got.params()).containsEntry("b", ParamType.DATE);
      assertThat(got.createdAt()).isEqualTo(q.createdAt());
    });
    assertThat(store.delete("a")).isTrue();
    assertThat(store.delete("a")).isFalse();
  }

  @Test
  void should_save_with_parameters_marked_in_question_and_sql_when_an_engineer_posts() throws Exception {
    HttpResponse<String> r = start().as(ENGINEER).postJson(TrustedQueryRoutes.PATH, SAVE);

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode q = JSON.readTree(r.body());
    assertThat(q.path("patterns").get(0).asText()).isEqualTo("Potencia instalada en {region}");
    assertThat(q.path("sql").asText()).endsWith("IN (:region)");
    assertThat(q.path("table").asText()).isEqualTo("serving.plantas");
    assertThat(q.path("author").asText()).isEqualTo(ENGINEER);
    assertThat(JSON.readTree(app.get(TrustedQueryRoutes.PATH).body())).hasSize(1);
    assertThat(app.delete(TrustedQueryRoutes.PATH + "/" + q.path("id").asText()).statusCode()).isEqualTo(204);
    assertThat(app.delete(TrustedQueryRoutes.PATH + "/" + q.path("id").asText()).statusCode()).isEqualTo(404);
  }

  @Test
  void should_refuse_with_a_spanish_403_when_user_is_not_an_engineer() throws Exception {
    HttpResponse<String> r = start().as("ana@empresa.es").postJson(TrustedQueryRoutes.PATH, SAVE);

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("ingenieros");
    assertThat(new PostgresTrustedQueries(db).list()).isEmpty();
  }

  @Test
  void should_refuse_with_the_guards_reason_when_the_sql_is_not_allowed() throws Exception {
    String bad = SAVE.replace("FROM serving.plantas", "FROM otro.secretos");

    HttpResponse<String> r = start().as(ENGINEER).postJson(TrustedQueryRoutes.PATH, bad);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("La SQL no pasa la verificación").contains("esquema permitido");
  }

  @Test
  void should_refuse_when_the_marked_value_is_not_in_the_question() throws Exception {
    HttpResponse<String> r = start().as(ENGINEER).postJson(TrustedQueryRoutes.PATH, SAVE.replace("\"Cuyo\"", "\"NOA\""));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("no aparece en la pregunta");
  }

  @Test
  void should_seed_the_demo_queries_once_and_match_them_when_started_again() throws Exception {
    new StateDatabase(db).migrate();
    PostgresTrustedQueries store = new PostgresTrustedQueries(db);
    List<TrustedQuery> seeds;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(
        java.nio.file.Path.of("../local/src/main/resources/demo/trusted-queries.json"))) {
      seeds = TrustedQuerySeed.read(in, Instant.EPOCH);
    }
    SqlGuard guard = new SqlGuard(AgentConfig.defaults().sqlPolicy());
    io.datagent.agent.trusted.TrustedMatcher matcher = new io.datagent.agent.trusted.TrustedMatcher(
        io.datagent.agent.trusted.ValueIndex.NONE);

    assertThat(TrustedQuerySeed.seed(store, seeds)).isEqualTo(seeds.size()).isGreaterThanOrEqualTo(3);
    store.delete(seeds.get(0).id());
    assertThat(TrustedQuerySeed.seed(store, seeds)).isZero();
    assertThat(store.list()).hasSize(seeds.size() - 1);
    var m = matcher.match("¿Cuáles son las 5 centrales con más potencia instalada?", seeds).orElseThrow();
    assertThat(guard.check(m.sql()).sql()).containsIgnoringCase("LIMIT 5");
    assertThat(matcher.match("demanda distribuidor el 15/07/2023", seeds)).map(x -> x.sql())
        .hasValueSatisfying(sql -> assertThat(sql).endsWith("fecha = DATE'2023-07-15'"));
    for (TrustedQuery q : seeds) {
      Map<String, String> sample = new java.util.HashMap<>();
      q.params().forEach((k, t) -> sample.put(k, t == ParamType.DATE ? "2023-07-15" : t == ParamType.TEXT ? "CUYO" : "3"));
      guard.check(matcher.bind(q, sample).orElseThrow().sql());
    }
  }
}
