package io.datagent.jobmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.jobmonitor.JobMonitor;
import io.datagent.jobmonitor.MonitorFixture;
import io.datagent.jobmonitor.TestDatabase;
import io.datagent.jobmonitor.detect.RunOutput;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitor's routes on a real Javalin started on port 0. */
class MonitorRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private MonitorFixture f;
  private JobMonitor monitor;
  private Javalin app;
  private final HttpClient http = HttpClient.newHttpClient();
  private long now;

  @BeforeEach
  void setUp() throws Exception {
    f = new MonitorFixture();
    f.config = f.config.withWebhookSecret("s3cr3t");
    monitor = f.monitor();
    TestDatabase.createAppTraceTables(f.ds);
    app = Javalin.create(c -> c.staticFiles.add("/public", io.javalin.http.staticfiles.Location.CLASSPATH));
    MonitorRoutes.register(app, monitor);
    app.start(0);
    now = System.currentTimeMillis();
  }

  @AfterEach
  void tearDown() {
    app.stop();
    monitor.close();
    f.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void failedRuns() {
    f.api.runs().failed(1, "datagent ingestion", 100, now - 60_000, now - 50_000, "ingest", "RUN_EXECUTION_ERROR", "x",
        Map.of(), new RunOutput("La ingesta terminó con archivos con error:\n  - a.csv: el archivo está vacío", null, null, false));
    f.api.runs().failed(1, "datagent ingestion", 200, now - 40_000, now - 30_000, "ingest", "RUN_EXECUTION_ERROR", "x",
        Map.of(), new RunOutput("java.lang.ClassNotFoundException: com.crealytics.spark.excel.DefaultSource", null, null, false));
  }

  @Test
  void should_list_runs_and_decisions_with_their_evidence_when_the_monitor_has_worked() throws Exception {
    failedRuns();
    f.api.runs().succeeded(1, "datagent ingestion", 300, now - 20_000, now - 10_000);
    monitor.tick();

    JsonNode runs = JSON.readTree(get("/api/monitor/runs").body());
    assertThat(runs).hasSize(3);
    JsonNode decisions = JSON.readTree(get("/api/monitor/decisions").body());
    assertThat(decisions).hasSize(2);
    JsonNode d = decisions.get(0);
    assertThat(d.get("classification").get("category").asText()).isEqualTo("code");
    // the evidence of the stage that decided names the signal (the run's RUN_EXECUTION_ERROR code comes first)
    JsonNode decidedBy = null;
    for (JsonNode e : d.get("classification").get("evidence")) {
      if (e.get("stage").asText().equals(d.get("classification").get("stage").asText())) {
        decidedBy = e;
      }
    }
    assertThat(decidedBy).isNotNull();
    assertThat(decidedBy.get("ref").asText()).isEqualTo("java.lang.ClassNotFoundException");
    assertThat(d.get("plan").get("action").asText()).isEqualTo("SEND_EMAIL");
    assertThat(d.get("decidedAt").asText()).endsWith("Z");
    assertThat(JSON.readTree(get("/api/monitor/decisions?category=data").body())).hasSize(1);
    assertThat(get("/api/monitor/decisions?category=memoria").statusCode()).isEqualTo(400);
    JsonNode status = JSON.readTree(get("/api/monitor/status").body());
    assertThat(status.get("status").get("runsHandled").asInt()).isEqualTo(3);
    assertThat(status.get("webhook").asBoolean()).isTrue();
  }

  @Test
  void should_name_what_the_deployment_lacks_in_the_status_when_registered_with_pending_items() throws Exception {
    // given: a second App whose deployment has no webhook secret yet
    Javalin other = Javalin.create();
    MonitorRoutes.register(other, monitor, java.util.List.of("Falta el secret webhook-secret: el webhook está desactivado."));
    other.start(0);
    try {
      // when
      JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + other.port()
          + "/api/monitor/status")).build(), HttpResponse.BodyHandlers.ofString()).body());

      // then
      assertThat(status.get("pending")).hasSize(1);
      assertThat(status.get("pending").get(0).asText()).contains("webhook-secret");
      assertThat(JSON.readTree(get("/api/monitor/status").body()).get("pending")).as("nothing pending").isEmpty();
    } finally {
      other.stop();
    }
  }

  @Test
  void should_compute_accuracy_and_export_labelled_jsonl_when_people_mark_decisions() throws Exception {
    failedRuns();
    monitor.tick();
    JsonNode decisions = JSON.readTree(get("/api/monitor/decisions").body());
    long codeId = decisions.get(0).get("id").asLong();
    long dataId = decisions.get(1).get("id").asLong();

    assertThat(post("/api/monitor/decisions/" + codeId + "/label", "{\"correct\": true}",
        Map.of("X-Forwarded-Email", "ana@empresa.test")).statusCode()).isEqualTo(200);
    HttpResponse<String> wrong = post("/api/monitor/decisions/" + dataId + "/label",
        "{\"correct\": false, \"category\": \"syntax\", \"note\": \"era la ruta\"}", Map.of());
    assertThat(JSON.readTree(wrong.body()).get("label").get("category").asText()).isEqualTo("syntax");
    assertThat(post("/api/monitor/decisions/" + dataId + "/label", "{}", Map.of()).statusCode()).isEqualTo(400);
    assertThat(post("/api/monitor/decisions/999/label", "{\"correct\": true}", Map.of()).statusCode()).isEqualTo(404);

    JsonNode acc = JSON.readTree(get("/api/monitor/accuracy").body());
    JsonNode all = acc.get(acc.size() - 1);
    assertThat(all.get("category").asText()).isEqualTo("all");
    assertThat(all.get("labelled").asInt()).isEqualTo(2);
    assertThat(all.get("accuracy").asDouble()).isEqualTo(0.5);

    HttpResponse<String> export = get("/api/monitor/export.jsonl");
    assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("ndjson");
    String[] lines = export.body().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines[0]);
    assertThat(first.get("text").asText()).contains("archivo está vacío");
    assertThat(first.get("label").asText()).isEqualTo("syntax");
    assertThat(first.get("predicted").asText()).isEqualTo("data");
    assertThat(first.get("correct").asBoolean()).isFalse();
  }

  @Test
  void should_handle_the_run_when_a_webhook_arrives_with_the_shared_secret() throws Exception {
    failedRuns();
    String payload = "{\"event_type\":\"jobs.on_failure\",\"run\":{\"run_id\":100},\"job\":{\"job_id\":1,\"name\":\"datagent ingestion\"}}";
    assertThat(post("/api/monitor/webhook", payload, Map.of()).statusCode()).isEqualTo(401);
    assertThat(post("/api/monitor/webhook", payload, Map.of("Authorization", "Bearer nope")).statusCode()).isEqualTo(401);
    String basic = "Basic " + Base64.getEncoder().encodeToString("databricks:s3cr3t".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> ok = post("/api/monitor/webhook", payload, Map.of("Authorization", basic));
    assertThat(ok.statusCode()).isEqualTo(202);
    JsonNode decisions = JSON.readTree(get("/api/monitor/decisions").body());
    assertThat(decisions).hasSize(1);
    assertThat(decisions.get(0).get("runId").asLong()).isEqualTo(100);
    assertThat(f.mail.getReceivedMessages()).hasSize(1);
    // the poll that follows does not decide the same run again
    monitor.tick();
    assertThat(JSON.readTree(get("/api/monitor/decisions").body())).hasSize(2);
    assertThat(f.mail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void should_classify_a_pasted_text_when_trying_a_rule_in_the_page() throws Exception {
    HttpResponse<String> r = post("/api/monitor/triage", "{\"text\": \"java.lang.OutOfMemoryError: Java heap space\"}", Map.of());
    JsonNode j = JSON.readTree(r.body());
    assertThat(j.get("category").asText()).isEqualTo("resource");
    assertThat(j.get("action").asText()).isEqualTo("RETRY_WITH_NEW_PARAMS");
    assertThat(post("/api/monitor/triage", "{}", Map.of()).statusCode()).isEqualTo(400);
  }

  @Test
  void should_serve_the_quality_series_and_the_offline_page_when_asked() throws Exception {
    monitor.quality().check();
    JsonNode q = JSON.readTree(get("/api/monitor/quality?hours=24").body());
    assertThat(q.get("thresholds").get("minSamples").asInt()).isEqualTo(50);
    assertThat(q.get("series")).hasSize(1);
    assertThat(q.get("series").get(0).get("samples").asInt()).isZero();

    HttpResponse<String> page = get("/monitor/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    // under the App's CSP (script-src 'self'; style-src 'self') nothing may be inline: script and styles are files
    assertThat(page.body()).contains("Monitor").contains("<script src=\"/monitor/monitor.js\"")
        .contains("href=\"/monitor/monitor.css\"").doesNotContain("<style").doesNotContainPattern("<script>|<script [^>]*>\\s*[^<\\s]");
    assertThat(page.body()).doesNotContainPattern("(src|href)=\"https?://");
    HttpResponse<String> script = get("/monitor/monitor.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("/api/monitor").contains("createElementNS");
    assertThat(get("/monitor/monitor.css").statusCode()).isEqualTo(200);
  }
}
