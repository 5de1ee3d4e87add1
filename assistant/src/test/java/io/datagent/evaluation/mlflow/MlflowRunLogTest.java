package io.datagent.evaluation.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.EvalReport;
import io.datagent.evaluation.Evaluation;
import io.datagent.evaluation.Outcome;
import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.FakeWorkspace.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlflowRunLogTest {

  private static EvalReport report(int questions) {
    List<Evaluation.Result> rs = new ArrayList<>();
    for (int i = 0; i < questions; i++) {
      BenchmarkItem item = new BenchmarkItem("q-" + i, i % 2 == 0 ? "agregación" : "top_k", "original", "¿pregunta " + i + "?",
          new BenchmarkItem.Expected("decline", null), null);
      rs.add(new Evaluation.Result(item, i % 3 == 0 ? Outcome.WRONG : Outcome.EXACT, 10 + i, "semantic", "a", List.of("SELECT 1")));
    }
    return new EvalReport(rs);
  }

  /** The workspace's MLflow with a token, as EvaluateJob builds it. */
  private static MlflowRunLog log(FakeWorkspace ws) {
    ws.auth().allowToken("dapi-eval");
    return MlflowRunLog.databricks(ws.url(), () -> "dapi-eval");
  }

  @Test
  void should_log_one_finished_run_with_params_and_metrics_per_kind_and_question_when_the_server_answers() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      MlflowRunLog.Logged logged = log(ws).log("/Shared/datagent-eval", "eval-1",
          Map.of("prompt_version", "3", "model", "sin-modelo"), Map.of("datagent.results_table", "c.monitor.eval_results"),
          report(130));

      assertThat(logged.error()).isNull();
      ObjectNode run = ws.store().mlflowRuns().get(logged.runId());
      assertThat(run.at("/info/status").asText()).isEqualTo("FINISHED");
      assertThat(run.at("/params/prompt_version").asText()).isEqualTo("3");
      assertThat(run.at("/tags/datagent.results_table").asText()).isEqualTo("c.monitor.eval_results");
      assertThat(run.at("/metrics/exact_rate").asDouble()).isEqualTo(86.0 / 130, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(run.get("metrics").has("exact_rate/agregacion")).as(run.get("metrics").toString()).isTrue();
      assertThat(run.get("metrics").get("q/q-129/latency_ms").asDouble()).isEqualTo(139);
      // 130 questions → 272 metrics: several log-batch calls, each within MLflow's limits
      assertThat(ws.calls("/api/2\\.0/mlflow/runs/log-batch")).hasSizeGreaterThan(2);
    }
  }

  @Test
  void should_report_the_error_and_mark_the_run_failed_when_mlflow_answers_500() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      Fault[] down = new Fault[10];
      java.util.Arrays.fill(down, Fault.error(500, "INTERNAL_ERROR", "backend down"));
      ws.fail("/api/2\\.0/mlflow/runs/log-batch", down); // the client retries a 500 a few times

      MlflowRunLog.Logged logged = log(ws).log("exp", "eval", Map.of(), Map.of(), report(4));

      assertThat(logged.ok()).isFalse();
      assertThat(logged.error()).contains("MLflow no registró la evaluación").contains("500");
      assertThat(ws.store().mlflowRuns().get(logged.runId()).at("/info/status").asText()).isEqualTo("FAILED");
    }
  }

  @Test
  void should_log_the_run_when_mlflow_throttles_once_with_429() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.fail("/api/2\\.0/mlflow/runs/create", Fault.error(429, "REQUEST_LIMIT_EXCEEDED", "slow down"));

      MlflowRunLog.Logged logged = log(ws).log("exp", "eval", Map.of(), Map.of(), report(2));

      assertThat(logged.error()).isNull();
      assertThat(ws.calls("/api/2\\.0/mlflow/runs/create")).hasSize(2);
    }
  }

  @Test
  void should_report_the_error_within_the_deadline_when_mlflow_keeps_answering_429() {
    try (FakeWorkspace ws = new FakeWorkspace()) {
      Fault[] throttled = new Fault[20];
      java.util.Arrays.fill(throttled, Fault.error(429, "REQUEST_LIMIT_EXCEEDED", "slow down"));
      ws.fail("/api/2\\.0/mlflow/runs/create", throttled);
      long t0 = System.nanoTime();

      MlflowRunLog.Logged logged = log(ws).withDeadline(java.time.Duration.ofSeconds(4))
          .log("exp", "eval", Map.of(), Map.of(), report(2));

      assertThat(logged.runId()).isNull();
      assertThat(logged.error()).startsWith("MLflow no registró la evaluación");
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    }
  }

  @Test
  void should_report_the_error_without_a_run_when_the_server_is_unreachable() {
    FakeWorkspace ws = new FakeWorkspace();
    String url = ws.url();
    ws.close();

    MlflowRunLog.Logged logged = MlflowRunLog.at(url).log("exp", "eval", Map.of(), Map.of(), report(2));

    assertThat(logged.runId()).isNull();
    assertThat(logged.error()).startsWith("MLflow no registró la evaluación");
  }
}
