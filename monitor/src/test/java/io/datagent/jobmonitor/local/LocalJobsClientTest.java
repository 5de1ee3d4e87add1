package io.datagent.jobmonitor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.jobmonitor.detect.JobParameter;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.JobsException;
import io.datagent.jobmonitor.detect.RepairRequest;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.RunPage;
import io.datagent.jobmonitor.detect.RunQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runs folder read and repaired through the same port as the Jobs API. */
class LocalJobsClientTest {

  @TempDir
  Path dir;

  private JobRun failedRun(LocalRunFiles files) {
    JobRun r = files.start(1, "datagent ingestion", "ingest", List.of(new JobParameter("parallelism", "0", null)),
        new LocalCommand("ingest", List.of("--source", "a.csv"), ProcessHandle.current().pid()));
    return files.finish(r.runId(), false, "RUN_EXECUTION_ERROR", "La tarea falló",
        new RunOutput("java.lang.OutOfMemoryError: Java heap space", null, "logs", false));
  }

  @Test
  void should_page_through_runs_newest_first_when_listing() {
    LocalRunFiles files = new LocalRunFiles(dir);
    for (int i = 0; i < 7; i++) {
      failedRun(files);
    }
    LocalJobsClient client = new LocalJobsClient(files, LocalRepairs.recordOnly());
    RunPage first = client.listRuns(new RunQuery(true, false, 0L, null, null, 3, true));
    assertThat(first.runs()).hasSize(3);
    assertThat(first.hasMore()).isTrue();
    assertThat(first.runs().get(0).startTime()).isGreaterThanOrEqualTo(first.runs().get(2).startTime());
    assertThat(client.listAll(new RunQuery(true, false, 0L, null, null, 3, true))).hasSize(7);
    assertThat(client.listAll(RunQuery.active())).isEmpty();
  }

  @Test
  void should_keep_the_output_and_refuse_a_stale_repair_when_repairing_locally() {
    LocalRunFiles files = new LocalRunFiles(dir);
    JobRun r = failedRun(files);
    LocalJobsClient client = new LocalJobsClient(files, LocalRepairs.recordOnly());
    assertThat(client.getRunOutput(r.failedTasks().get(0).runId()).error()).contains("OutOfMemoryError");

    long repairId = client.repairRun(new RepairRequest(r.runId(), null, List.of(), Map.of("parallelism", "4")));
    JobRun after = client.getRun(r.runId());
    assertThat(after.attempt()).isEqualTo(1);
    assertThat(after.latestRepairId()).isEqualTo(repairId);
    assertThat(after.parameterValues()).containsEntry("parallelism", "4");
    assertThat(after.isFailed()).isTrue(); // record-only: closed as not executed
    assertThatThrownBy(() -> client.repairRun(new RepairRequest(r.runId(), null, List.of(), Map.of())))
        .isInstanceOf(JobsException.class).hasMessageContaining("latest_repair_id");
  }
}
