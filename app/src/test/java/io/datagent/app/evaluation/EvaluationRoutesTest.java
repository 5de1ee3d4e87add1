package io.datagent.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.sql.DatabricksSqlExecutor;
import io.datagent.app.TestAgent;
import io.datagent.app.TestApp;
import io.datagent.app.TestData;
import io.datagent.app.roles.Engineers;
import io.datagent.app.roles.EngineersOnly;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.testkit.FakeSql.Col;
import io.datagent.testkit.FakeWorkspace;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Monitor page's evaluations on the real App against the loopback workspace: the evaluation job's results read
 * from Delta through the SQL warehouse, and "Evaluar ahora" as run-now of the job named by DATAGENT_EVALUATE_JOB_ID.
 */
class EvaluationRoutesTest {

  static final String ENGINEER = "ingeniera@empresa.es";
  static final ObjectMapper JSON = new ObjectMapper();

  FakeWorkspace ws;
  Platform platform;
  DataSource db;
  TestApp app;

  @BeforeEach
  void setUp() {
    ws = new FakeWorkspace();
    ws.auth().allowToken("sp");
    platform = new Platform(PlatformConfig.pat(ws.url(), "sp").withWarehouse("wh"));
    db = io.datagent.app.TestPostgres.freshDatabase();
  }

  @AfterEach
  void tearDown() {
    if (app != null) {
      app.close();
    }
    ws.close();
  }

  void start(String evaluateJobId) throws java.io.IOException {
    Clock minute = Clock.fixed(Instant.parse("2026-12-07T03:00:20Z"), ZoneOffset.UTC);
    EvaluationHistory history = new SqlEvaluationHistory(new DatabricksSqlExecutor(platform.statements(), "main", "serving"),
        SqlEvaluationHistory.table("main", "quality"));
    app = new TestApp(new TestAgent(), TestData.catalog(), new TestData.InstantIngestion(), true, 10_000, db,
        List.of(EngineersOnly.monitor(Engineers.listed(ENGINEER), db),
            new EvaluationRoutes(history, JobEvaluationLauncher.of(platform.jobs(), evaluateJobId, minute))));
  }

  @Test
  void should_list_the_latest_evaluations_per_kind_and_start_the_job_once_when_an_engineer_clicks_twice() throws Exception {
    ws.sql().answer("FROM `main`.`quality`.`eval_runs`", List.of(new Col("run_id", "STRING"), new Col("started_at", "STRING"),
        new Col("kind", "STRING"), new Col("questions", "INT"), new Col("exact", "INT"), new Col("prompt_version", "STRING")),
        List.of(List.of("run-b", "2026-12-07 02:00:05", "agregacion", "6", "5", "4"),
            List.of("run-b", "2026-12-07 02:00:05", "top_k", "4", "2", "4"),
            List.of("run-b", "2026-12-07 02:00:05", "total", "10", "7", "4"),
            List.of("run-a", "2026-12-06 02:00:04", "total", "8", "4", "3")));
    start("77");

    JsonNode listed = JSON.readTree(app.as(ENGINEER).get("/api/monitor/evaluations").body());
    HttpResponse<String> first = app.as(ENGINEER).postJson("/api/monitor/evaluations", "{}");
    HttpResponse<String> second = app.as(ENGINEER).postJson("/api/monitor/evaluations", "{}");

    assertThat(listed.path("canStart").asBoolean()).isTrue();
    assertThat(listed.path("runs")).hasSize(2);
    JsonNode latest = listed.path("runs").get(0);
    assertThat(latest.path("runId").asText()).isEqualTo("run-b");
    assertThat(latest.path("startedAt").asText()).isEqualTo("2026-12-07T02:00:05Z");
    assertThat(latest.path("promptVersion").asText()).isEqualTo("4");
    assertThat(latest.path("exactPct").asDouble()).isEqualTo(70.0);
    assertThat(latest.path("byKind").findValuesAsText("kind")).containsExactly("agregacion", "top_k");
    assertThat(latest.at("/byKind/0/exactPct").asDouble()).isEqualTo(83.3);
    assertThat(listed.at("/runs/1/exactPct").asDouble()).isEqualTo(50.0);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(JSON.readTree(first.body()).path("message").asText()).startsWith("Evaluación iniciada en Databricks");
    assertThat(JSON.readTree(second.body()).path("runId")).isEqualTo(JSON.readTree(first.body()).path("runId"));
    assertThat(ws.jobs().runsStarted()).isEqualTo(1);
    JsonNode runNow = JSON.readTree(ws.calls("/api/2\\.2/jobs/run-now").get(0).body());
    assertThat(runNow.path("job_id").asLong()).isEqualTo(77);
    assertThat(runNow.path("idempotency_token").asText()).isEqualTo("datagent-evaluate-202612070300");
    assertThat(app.as("ana@empresa.es").postJson("/api/monitor/evaluations", "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void should_say_in_spanish_which_variable_is_missing_and_start_nothing_when_no_evaluation_job_is_configured() throws Exception {
    ws.sql().failWith("eval_runs", "TABLE_OR_VIEW_NOT_FOUND", "[TABLE_OR_VIEW_NOT_FOUND] main.quality.eval_runs");
    start(null);

    JsonNode listed = JSON.readTree(app.as(ENGINEER).get("/api/monitor/evaluations").body());
    HttpResponse<String> started = app.as(ENGINEER).postJson("/api/monitor/evaluations", "{}");

    assertThat(listed.path("canStart").asBoolean()).isFalse();
    assertThat(listed.path("unavailable").asText()).contains("DATAGENT_EVALUATE_JOB_ID");
    assertThat(listed.path("runs")).isEmpty();
    assertThat(listed.path("notice").asText()).startsWith("No se pudo leer el historial de evaluaciones");
    assertThat(started.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(started.body()).path("error").asText()).contains("No hay un job de evaluación configurado");
    assertThat(ws.calls("/api/2\\.2/jobs/run-now")).isEmpty();
  }
}
