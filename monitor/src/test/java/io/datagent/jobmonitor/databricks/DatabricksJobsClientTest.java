package io.datagent.jobmonitor.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.RepairRequest;
import io.datagent.jobmonitor.detect.RunJson;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.RunQuery;
import io.datagent.jobmonitor.loopback.LoopbackJobsApi;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.platform.PlatformException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK-backed client against a loopback server speaking the Jobs API 2.2 JSON, faults included. */
class DatabricksJobsClientTest {

  private LoopbackJobsApi api;
  private DatabricksJobsClient client;

  @BeforeEach
  void start() throws Exception {
    api = new LoopbackJobsApi("tok");
    client = new DatabricksJobsClient(new Platform(PlatformConfig.pat(api.uri().toString(), "tok")).jobs());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void should_follow_every_page_when_listing_more_runs_than_one_page_holds() {
    long t0 = 1_700_000_000_000L;
    for (int i = 0; i < 60; i++) {
      api.runs().succeeded(5, "datagent ingestion", 1000 + i * 10, t0 + i * 1000, t0 + i * 1000 + 500);
    }
    List<JobRun> all = client.listAll(RunQuery.completedSince(t0 + 5_000));
    assertThat(all).hasSize(55);
    assertThat(all).extracting(JobRun::runId).doesNotHaveDuplicates();
    assertThat(api.requests("/runs/list")).hasSize(3);
    assertThat(api.requests("/runs/list").get(0).query()).contains("completed_only=true").contains("expand_tasks=true")
        .contains("limit=25").contains("start_time_from=" + (t0 + 5_000));
    assertThat(api.requests("/runs/list").get(1).query()).contains("page_token=");
  }

  @Test
  void should_read_the_failed_task_and_its_output_when_getting_a_run() {
    api.runs().failed(7, "datagent ingestion", 500, 1, 2, "ingest", "RUN_EXECUTION_ERROR", "Task ingest failed",
        Map.of("parallelism", "0"), new RunOutput("java.lang.OutOfMemoryError: Java heap space", "trace...", "logs", false));
    JobRun r = client.getRun(500);
    assertThat(r.isFailed()).isTrue();
    assertThat(r.failedTasks()).extracting(t -> t.taskKey()).containsExactly("ingest");
    assertThat(r.parameterValues()).containsEntry("parallelism", "0");
    RunOutput o = client.getRunOutput(r.failedTasks().get(0).runId());
    assertThat(o.error()).contains("OutOfMemoryError");
    assertThat(o.errorTrace()).isEqualTo("trace...");
  }

  @Test
  void should_send_the_repair_json_of_the_api_when_repairing() throws Exception {
    api.runs().failed(7, "j", 600, 1, 2, "ingest", "RUN_EXECUTION_ERROR", "x", Map.of("parallelism", "0"), null);
    long id = client.repairRun(new RepairRequest(600, null, List.of(), Map.of("parallelism", "4")));
    JsonNode body = RunJson.MAPPER.readTree(api.requests("/runs/repair").get(0).body());
    assertThat(body.get("run_id").asLong()).isEqualTo(600);
    assertThat(body.get("rerun_all_failed_tasks").asBoolean()).isTrue();
    assertThat(body.has("latest_repair_id")).isFalse();
    assertThat(body.get("job_parameters").get("parallelism").asText()).isEqualTo("4");
    JobRun after = client.getRun(600);
    assertThat(after.attempt()).isEqualTo(1);
    assertThat(after.latestRepairId()).isEqualTo(id);
    assertThat(after.parameterValues()).containsEntry("parallelism", "4");
  }

  @Test
  void should_refuse_a_stale_repair_when_latest_repair_id_is_not_the_latest() {
    api.runs().failed(7, "j", 700, 1, 2, "ingest", "RUN_EXECUTION_ERROR", "x", Map.of(), null);
    client.repairRun(new RepairRequest(700, null, List.of(), Map.of()));
    assertThatThrownBy(() -> client.repairRun(new RepairRequest(700, null, List.of(), Map.of())))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
          assertThat(e.outcomeUnknown()).isFalse();
        });
  }

  @Test
  void should_wait_for_retry_after_when_throttled_with_429() {
    api.runs().succeeded(1, "j", 800, 1, 2);
    api.fault("/runs/get", new LoopbackJobsApi.Fault(429, Map.of("Retry-After", "1"),
        "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"Too many requests\"}"));
    long t = System.nanoTime();
    JobRun r = client.getRun(800);
    long waited = (System.nanoTime() - t) / 1_000_000;
    assertThat(r.runId()).isEqualTo(800);
    assertThat(waited).isGreaterThanOrEqualTo(950);
    assertThat(api.requests("/runs/get")).hasSize(2);
  }

  @Test
  void should_retry_a_503_when_the_service_is_briefly_unavailable() {
    api.runs().succeeded(1, "j", 900, 1, 2);
    api.fault("/runs/get", new LoopbackJobsApi.Fault(503, Map.of("Retry-After", "0"), "temporarily unavailable"));
    assertThat(client.getRun(900).runId()).isEqualTo(900);
    assertThat(api.requests("/runs/get")).hasSize(2);
  }

  @Test
  void should_give_up_with_the_api_error_when_the_server_fails() {
    // The SDK retries 5xx only on calls it knows to be idempotent; runs/list is not one of them.
    api.fault("/runs/list", new LoopbackJobsApi.Fault(500, Map.of(), "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"down\"}"));
    assertThatThrownBy(() -> client.listRuns(RunQuery.active()))
        .isInstanceOf(PlatformException.class).hasMessageContaining("500").hasMessageContaining("down");
    assertThat(api.requests("/runs/list")).hasSize(1);
  }

  @Test
  void should_return_the_same_run_when_run_now_repeats_an_idempotency_token() {
    long a = client.runNow(42, Map.of("reason", "x"), "datagent-quality-1");
    long b = client.runNow(42, Map.of("reason", "x"), "datagent-quality-1");
    assertThat(a).isEqualTo(b);
    assertThat(api.requests("/run-now").get(0).body()).contains("\"idempotency_token\":\"datagent-quality-1\"");
  }

  @Test
  void should_link_to_the_job_in_the_workspace() {
    assertThat(client.jobUrl(1L)).isEqualTo(api.uri() + "/jobs/1");
  }

  @Test
  void should_fail_with_the_api_message_when_the_token_is_wrong() {
    DatabricksJobsClient bad = new DatabricksJobsClient(new Platform(PlatformConfig.pat(api.uri().toString(), "other")).jobs());
    assertThatThrownBy(() -> bad.getRun(1)).hasMessageContaining("401").hasMessageContaining("UNAUTHENTICATED");
  }
}
