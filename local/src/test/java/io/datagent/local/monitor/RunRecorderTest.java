package io.datagent.local.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.RunQuery;
import io.datagent.jobmonitor.local.LocalJobsClient;
import io.datagent.jobmonitor.local.LocalRepairs;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code ./agent} job runs are recorded for the monitor, in the Jobs API shape. */
class RunRecorderTest {

  @TempDir
  Path dir;

  private LocalRuntime rt() {
    return new LocalRuntime(new Workspace(dir), dir);
  }

  private LocalJobsClient client(LocalRuntime rt) {
    return new LocalJobsClient(RunRecorder.files(rt), LocalRepairs.recordOnly());
  }

  @Test
  void should_record_ingestion_failures_with_the_files_that_failed_when_the_command_returns_non_zero() throws Exception {
    LocalRuntime rt = rt();
    int code = RunRecorder.around(rt, "ingest", List.of("--source", "/tmp/x.csv", "--parallelism", "2"), () -> {
      System.out.println("Ingesta 1: 2 archivo(s) en /tmp");
      System.out.println("  ✗ ventas/mayo.csv: el archivo está vacío; se esperaba una cabecera y filas de datos");
      System.out.println("  ✓ ventas/abril.csv → ventas: 10 filas");
      return 1;
    });
    assertThat(code).isEqualTo(1);

    LocalJobsClient jobs = client(rt);
    List<JobRun> runs = jobs.listAll(RunQuery.completedSince(0));
    assertThat(runs).hasSize(1);
    JobRun r = runs.get(0);
    assertThat(r.runName()).isEqualTo("datagent ingestion");
    assertThat(r.isFailed()).isTrue();
    assertThat(r.terminationCode()).isEqualTo("RUN_EXECUTION_ERROR");
    assertThat(r.parameterValues()).containsEntry("parallelism", "2").containsEntry("raw-schema", "raw");
    RunOutput out = jobs.getRunOutput(r.failedTasks().get(0).runId());
    assertThat(out.error()).isEqualTo("La ingesta terminó con archivos con error:\n  - ventas/mayo.csv: el archivo está vacío; "
        + "se esperaba una cabecera y filas de datos");
    assertThat(out.logs()).contains("✓ ventas/abril.csv");
  }

  @Test
  void should_record_the_exception_and_its_trace_when_the_command_throws() {
    LocalRuntime rt = rt();
    assertThatThrownBy(() -> RunRecorder.around(rt, "maintain", List.of(), () -> {
      throw new IllegalStateException("El mantenimiento falló en 1 tabla(s):\n  serving.x: boom");
    })).isInstanceOf(IllegalStateException.class);
    JobRun r = client(rt).listAll(RunQuery.completedSince(0)).get(0);
    assertThat(r.runName()).isEqualTo("datagent maintenance");
    RunOutput out = client(rt).getRunOutput(r.failedTasks().get(0).runId());
    assertThat(out.error()).startsWith("java.lang.IllegalStateException: El mantenimiento falló");
    assertThat(out.errorTrace()).contains("at io.datagent.local.monitor.RunRecorderTest");
  }

  @Test
  void should_record_success_and_skip_commands_that_are_not_jobs() throws Exception {
    LocalRuntime rt = rt();
    assertThat(RunRecorder.around(rt, "embed", List.of("--batch-size", "8"), () -> 0)).isZero();
    assertThat(RunRecorder.around(rt, "sql", List.of("SELECT 1"), () -> 0)).isZero();
    List<JobRun> runs = client(rt).listAll(RunQuery.completedSince(0));
    assertThat(runs).extracting(JobRun::runName).containsExactly("datagent embeddings");
    assertThat(runs.get(0).isFailed()).isFalse();
  }

  @Test
  void should_close_a_run_as_failed_when_its_process_died_without_recording_the_end() throws Exception {
    LocalRuntime rt = rt();
    var files = RunRecorder.files(rt);
    JobRun started = files.start(1, "datagent ingestion", "ingest", List.of(),
        new io.datagent.jobmonitor.local.LocalCommand("ingest", List.of(), 999_999_999L));
    assertThat(started.isActive()).isTrue();
    JobRun seen = client(rt).getRun(started.runId());
    assertThat(seen.isFailed()).isTrue();
    assertThat(seen.terminationCode()).isEqualTo("DRIVER_ERROR");
  }

  @Test
  void should_replace_or_append_job_parameters_when_building_the_repair_command_line() {
    var params = List.of(new io.datagent.jobmonitor.detect.JobParameter("parallelism", "0", "4"),
        new io.datagent.jobmonitor.detect.JobParameter("catalog", "", null));
    assertThat(LocalRepairRunner.withParameters(List.of("--source", "a.csv"), params))
        .containsExactly("--source", "a.csv", "--parallelism", "4");
    assertThat(LocalRepairRunner.withParameters(List.of("--parallelism", "8", "--source", "a.csv"), params))
        .containsExactly("--parallelism", "4", "--source", "a.csv");
  }
}
