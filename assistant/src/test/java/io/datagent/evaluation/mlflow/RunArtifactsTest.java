package io.datagent.evaluation.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.ml.CreateExperiment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.EvalReport;
import io.datagent.evaluation.Evaluation;
import io.datagent.evaluation.Outcome;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.platform.mlflow.MlflowArtifactStore;
import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.FakeWorkspace.Fault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-question table as MLflow run artifacts, written by the platform's store against the loopback server. */
class RunArtifactsTest {

  private static EvalReport report(int questions) {
    List<Evaluation.Result> rs = new ArrayList<>();
    for (int i = 0; i < questions; i++) {
      BenchmarkItem item = new BenchmarkItem("q-" + i, "agregación", "original", "¿cuánto, \"total\" " + i + "?",
          new BenchmarkItem.Expected("decline", null), null);
      rs.add(new Evaluation.Result(item, i == 0 ? Outcome.WRONG : Outcome.EXACT, 10 + i, "semantic", "a", List.of("SELECT 1")));
    }
    return new EvalReport(rs);
  }

  /** A tracking server without authentication that proxies artifacts (mlflow server's default). */
  private static MlflowRunLog trackingServer(FakeWorkspace ws) {
    ws.auth().allowAnonymous();
    return MlflowRunLog.at(ws.url()).withArtifacts(MlflowArtifactStore.trackingServer(ws.url())::put);
  }

  @Test
  void should_upload_the_table_through_the_artifacts_proxy_and_tag_it_when_the_run_root_is_mlflow_artifacts() throws Exception {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      MlflowRunLog.Logged logged = trackingServer(ws).log("exp", "eval", Map.of(), Map.of(), report(3));

      assertThat(logged.error()).isNull();
      String uri = ws.store().mlflowRuns().get(logged.runId()).at("/info/artifact_uri").asText();
      assertThat(uri).startsWith("mlflow-artifacts:/").endsWith("/" + logged.runId() + "/artifacts");
      String root = uri.substring("mlflow-artifacts:/".length());
      assertThat(ws.calls("/api/2\\.0/mlflow-artifacts/artifacts/" + root + "/eval_results_table\\.(json|csv)")).hasSize(2);
      JsonNode table = new ObjectMapper().readTree(ws.store().mlflowArtifact(root + "/" + EvalTable.JSON));
      assertThat(table.get("columns").get(0).asText()).isEqualTo("id");
      assertThat(table.get("data")).hasSize(3);
      assertThat(table.at("/data/0/4").asText()).isEqualTo("WRONG");
      String csv = new String(ws.store().mlflowArtifact(root + "/" + EvalTable.CSV), StandardCharsets.UTF_8);
      assertThat(csv.split("\r\n")).hasSize(4);
      assertThat(csv).contains("\"¿cuánto, \"\"total\"\" 2?\"");
      assertThat(ws.store().mlflowRuns().get(logged.runId()).at("/tags/mlflow.loggedArtifacts").asText())
          .isEqualTo("[{\"path\": \"eval_results_table.json\", \"type\": \"table\"}]");
    }
  }

  @Test
  void should_finish_the_run_and_report_the_missing_table_when_the_artifact_upload_answers_500() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      Fault[] down = new Fault[6];
      java.util.Arrays.fill(down, Fault.error(500, "INTERNAL_ERROR", "disk full"));
      ws.fail("/api/2\\.0/mlflow-artifacts/artifacts/.+", down);

      MlflowRunLog.Logged logged = trackingServer(ws).log("exp", "eval", Map.of(), Map.of(), report(2));

      assertThat(logged.error()).contains("pero no la tabla por pregunta").contains("500");
      JsonNode run = ws.store().mlflowRuns().get(logged.runId());
      assertThat(run.at("/info/status").asText()).isEqualTo("FINISHED");
      assertThat(run.at("/metrics/exact_rate").asDouble()).isEqualTo(0.5);
      assertThat(run.path("tags").has("mlflow.loggedArtifacts")).isFalse();
    }
  }

  @Test
  void should_upload_the_table_when_the_artifacts_proxy_throttles_once_with_429() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.fail("/api/2\\.0/mlflow-artifacts/artifacts/.+", Fault.retryAfter(429, 1));

      MlflowRunLog.Logged logged = trackingServer(ws).log("exp", "eval", Map.of(), Map.of(), report(2));

      assertThat(logged.error()).isNull();
      assertThat(ws.calls("/api/2\\.0/mlflow-artifacts/artifacts/.+")).hasSize(3);
    }
  }

  @Test
  void should_finish_the_run_and_report_the_missing_table_when_the_artifacts_proxy_keeps_answering_429() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      Fault[] throttled = new Fault[12];
      java.util.Arrays.fill(throttled, Fault.retryAfter(429, 1));
      ws.fail("/api/2\\.0/mlflow-artifacts/artifacts/.+", throttled);
      long t0 = System.nanoTime();

      MlflowRunLog.Logged logged = trackingServer(ws).log("exp", "eval", Map.of(), Map.of(), report(2));

      assertThat(logged.error()).contains("pero no la tabla por pregunta").contains("429");
      assertThat(ws.store().mlflowRuns().get(logged.runId()).at("/info/status").asText()).isEqualTo("FINISHED");
      assertThat((System.nanoTime() - t0) / 1e9).as("the SDK's bounded retries, well within the log's deadline").isLessThan(60);
    }
  }

  @Test
  void should_write_the_table_to_the_volume_when_the_experiment_stores_artifacts_in_a_unity_catalog_volume() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.auth().allowToken("dapi-eval");
      Platform platform = new Platform(PlatformConfig.pat(ws.url(), "dapi-eval"));
      // as the bundle deploys it (resources/quality.yml)
      platform.workspace().experiments().createExperiment(new CreateExperiment().setName("/Shared/quality")
          .setArtifactLocation("dbfs:/Volumes/main/quality/mlflow/quality"));
      MlflowRunLog log = MlflowRunLog.databricks(ws.url(), () -> "dapi-eval")
          .withArtifacts(MlflowArtifactStore.workspace(platform)::put);

      MlflowRunLog.Logged logged = log.log("/Shared/quality", "eval", Map.of(), Map.of(), report(2));

      assertThat(logged.error()).isNull();
      String dir = "/Volumes/main/quality/mlflow/quality/" + logged.runId() + "/artifacts/";
      assertThat(ws.store().file(dir + EvalTable.JSON)).isNotNull();
      assertThat(new String(ws.store().file(dir + EvalTable.CSV), StandardCharsets.UTF_8)).startsWith("id,kind,");
    }
  }

  @Test
  void should_report_why_when_the_run_root_cannot_be_written_without_python() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.auth().allowToken("dapi-eval");
      Platform platform = new Platform(PlatformConfig.pat(ws.url(), "dapi-eval"));
      platform.workspace().experiments().createExperiment(new CreateExperiment().setName("/Shared/legacy")
          .setArtifactLocation("dbfs:/databricks/mlflow-tracking/7"));

      MlflowRunLog.Logged logged = MlflowRunLog.databricks(ws.url(), () -> "dapi-eval")
          .withArtifacts(MlflowArtifactStore.workspace(platform)::put).log("/Shared/legacy", "eval", Map.of(), Map.of(), report(1));

      assertThat(logged.error()).contains("dbfs:/databricks/mlflow-tracking/7").contains("dbfs:/Volumes/");
      assertThat(ws.store().mlflowRuns().get(logged.runId()).at("/info/status").asText()).isEqualTo("FINISHED");
    }
  }
}
