package io.datagent.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.service.jobs.ListRunsRequest;
import com.databricks.sdk.service.jobs.ListRunsResponse;
import com.databricks.sdk.service.jobs.RepairRun;
import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.FakeWorkspace.Fault;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformJobsTest {

  private static final String REPAIR = "/api/2\\.2/jobs/runs/repair";

  private final FakeWorkspace ws = new FakeWorkspace();
  private Platform platform;

  @BeforeEach
  void start() {
    ws.auth().allowToken("pat");
    platform = new Platform(PlatformConfig.pat(ws.url(), "pat"));
  }

  @AfterEach
  void close() {
    ws.close();
  }

  @Test
  void should_repair_once_and_return_the_repair_when_its_response_is_lost() {
    ws.jobs().addRun(7, 10, "TERMINATED", "FAILED");
    ws.fail(REPAIR, Fault.lost());

    long id = platform.jobs().repairRun(new RepairRun().setRunId(7L).setRerunAllFailedTasks(true)
        .setJobParameters(Map.of("mode", "safe")));

    assertThat(ws.jobs().repairs(7)).isEqualTo(1);
    assertThat(ws.calls(REPAIR)).hasSize(1);
    assertThat(id).isEqualTo(ws.jobs().run(7).path("repair_history").get(0).path("id").asLong());
  }

  @Test
  void should_report_the_failure_when_a_lost_repair_was_not_applied() {
    ws.jobs().addRun(7, 10, "TERMINATED", "FAILED");
    ws.fail(REPAIR, Fault.drop());

    assertThatThrownBy(() -> platform.jobs().repairRun(new RepairRun().setRunId(7L).setRerunAllFailedTasks(true)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.status()).isZero());
    assertThat(ws.jobs().repairs(7)).isZero();
  }

  @Test
  void should_start_one_run_when_run_now_is_sent_twice_with_one_idempotency_token() {
    long a = platform.jobs().runNow(10, Map.of("source", "x.csv"), "upload-1");
    long b = platform.jobs().runNow(10, Map.of("source", "x.csv"), "upload-1");

    assertThat(a).isEqualTo(b);
    assertThat(ws.jobs().runsStarted()).isEqualTo(1);
  }

  @Test
  void should_page_runs_with_the_api_page_token() {
    for (long i = 1; i <= 3; i++) {
      ws.jobs().addRun(i, 10, "TERMINATED", "SUCCESS");
    }
    ListRunsResponse first = platform.jobs().listRuns(new ListRunsRequest().setLimit(2L));
    ListRunsResponse second = platform.jobs().listRuns(new ListRunsRequest().setLimit(2L).setPageToken(first.getNextPageToken()));

    assertThat(first.getRuns()).hasSize(2);
    assertThat(second.getRuns()).extracting(r -> r.getRunId()).containsExactly(3L);
  }
}
