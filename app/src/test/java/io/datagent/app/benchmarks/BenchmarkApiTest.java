package io.datagent.app.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.QueryResult;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.app.TestAgent;
import io.datagent.app.TestApp;
import io.datagent.app.TestData;
import io.datagent.app.TestPostgres;
import io.datagent.app.roles.Engineers;
import io.datagent.app.roles.EngineersOnly;
import io.datagent.evaluation.GroundTruth;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Benchmark items promoted from the Chat page: stored in the App's PostgreSQL (V6), their SQL run when saved. */
class BenchmarkApiTest {

  static final String ENGINEER = "ingeniera@empresa.es";
  static final ObjectMapper JSON = new ObjectMapper();

  /** serving.plantas answers; any other table is unknown, as the warehouse says. */
  static final SqlExecutor DB = (sql, maxRows, timeout, token) -> {
    if (!sql.contains("plantas")) {
      throw new SqlExecutionException(SqlExecutionException.Kind.SQL, "[TABLE_OR_VIEW_NOT_FOUND] The table cannot be found");
    }
    return new QueryResult(List.of("potencia"), List.of("DOUBLE"), List.of(List.of(184.4)), false);
  };

  final DataSource db = TestPostgres.freshDatabase();
  TestApp app;

  TestApp start() throws java.io.IOException {
    SqlGuard guard = new SqlGuard(AgentConfig.defaults().sqlPolicy());
    app = new TestApp(new TestAgent(), TestData.catalog(), new TestData.InstantIngestion(), false, 10_000, db,
        List.of(EngineersOnly.monitor(Engineers.listed(ENGINEER), db), new BenchmarkRoutes(new PostgresBenchmarks(db),
            new GroundTruth(guard, DB, Duration.ofSeconds(5)), Clock.systemUTC())));
    return app;
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void should_store_an_item_and_flag_one_whose_sql_names_an_unknown_table_or_is_malformed_when_an_engineer_promotes()
      throws Exception {
    TestApp a = start().as(ENGINEER);

    HttpResponse<String> ok = a.postJson(BenchmarkRoutes.PATH,
        "{\"question\": \"¿Potencia instalada total?\", \"sql\": \"SELECT sum(potencia_mw) FROM serving.plantas\"}");
    HttpResponse<String> unknown = a.postJson(BenchmarkRoutes.PATH,
        "{\"question\": \"¿Cuántas centrales?\", \"sql\": \"SELECT count(*) FROM serving.centrales_x\"}");
    HttpResponse<String> malformed = a.postJson(BenchmarkRoutes.PATH,
        "{\"question\": \"¿Regiones?\", \"sql\": \"SELEC region FROM\"}");

    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(ok.body()).path("status").asText()).isEqualTo("ok");
    JsonNode u = JSON.readTree(unknown.body());
    assertThat(u.path("status").asText()).isEqualTo("flagged");
    assertThat(u.path("problem").asText()).contains(u.path("id").asText()).contains("TABLE_OR_VIEW_NOT_FOUND");
    assertThat(JSON.readTree(malformed.body()).path("problem").asText()).contains("control de SQL");
    assertThat(new PostgresBenchmarks(db).items()).extracting(i -> i.question()).containsExactly("¿Potencia instalada total?");
    assertThat(JSON.readTree(a.get(BenchmarkRoutes.PATH).body())).hasSize(3);
  }

  @Test
  void should_refuse_with_a_spanish_403_when_user_is_not_an_engineer() throws Exception {
    HttpResponse<String> r = start().as("ana@empresa.es").postJson(BenchmarkRoutes.PATH,
        "{\"question\": \"¿Potencia?\", \"sql\": \"SELECT 1 FROM serving.plantas\"}");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(new PostgresBenchmarks(db).list()).isEmpty();
  }
}
