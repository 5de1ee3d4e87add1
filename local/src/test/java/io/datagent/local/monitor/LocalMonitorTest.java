package io.datagent.local.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.jobmonitor.JobMonitor;
import io.datagent.jobmonitor.act.Backoff;
import io.datagent.jobmonitor.config.MonitorConfigLoader;
import io.datagent.jobmonitor.store.Decision;
import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor over recorded local runs: a real PostgreSQL, the local runs folder, repairs that run the command again. */
class LocalMonitorTest {

  @TempDir
  Path dir;
  private EmbeddedPostgres pg;
  private LocalRuntime rt;

  @BeforeEach
  void start() throws Exception {
    pg = EmbeddedPostgres.builder().start();
    rt = new LocalRuntime(new Workspace(dir), dir);
    rt.workspace().create();
  }

  @AfterEach
  void stop() throws Exception {
    pg.close();
  }

  /** Stands in for {@code ./agent ingest}: out of memory unless given {@code --parallelism 4}. */
  private static Command ingest(AtomicInteger calls) {
    return new Command() {
      public String name() {
        return "ingest";
      }

      public String summary() {
        return "";
      }

      public int run(List<String> args, LocalRuntime runtime) {
        calls.incrementAndGet();
        int at = args.indexOf("--parallelism");
        if (at < 0 || !args.get(at + 1).equals("4")) {
          throw new OutOfMemoryError("Java heap space");
        }
        System.out.println("Ingesta: 1 archivo cargado");
        return 0;
      }
    };
  }

  @Test
  void should_repair_a_local_run_with_new_parameters_and_see_it_healed_when_it_ran_out_of_memory() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Command cmd = ingest(calls);
    assertThatThrownBy(() -> RunRecorder.around(rt, "ingest", List.of("--source", "big.csv"), () -> cmd.run(List.of("--source", "big.csv"), rt)))
        .isInstanceOf(OutOfMemoryError.class);

    try (LocalRepairRunner repairs = new LocalRepairRunner(name -> cmd, rt);
         JobMonitor m = JobMonitor.local(pg.getPostgresDatabase(), rt.workspace().state(), repairs,
             MonitorConfigLoader.load(Map.of()).withTiming(Duration.ofSeconds(1), new Backoff(Duration.ZERO, 2, Duration.ZERO), Duration.ZERO), new dev.langchain4j.model.chat.DisabledChatModel())) {
      m.tick();
      repairs.awaitIdle(Duration.ofMinutes(1));
      m.tick();
      Decision d = m.decisions().recent(10, null).get(0);
      assertThat(d.classification().category().id()).isEqualTo("resource");
      assertThat(d.plan().parameters()).containsEntry("parallelism", "4");
      assertThat(d.outcome()).isEqualTo("REPAIR_SUBMITTED");
      assertThat(d.resolution()).isEqualTo("HEALED");
    }
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void should_write_the_email_to_the_outbox_when_a_local_upload_is_malformed_and_no_smtp_is_set() throws Exception {
    RunRecorder.around(rt, "ingest", List.of("--source", "vacio.csv"), () -> {
      System.out.println("  ✗ vacio.csv: el archivo está vacío; se esperaba una cabecera y filas de datos");
      return 1;
    });
    try (JobMonitor m = JobMonitor.local(pg.getPostgresDatabase(), rt.workspace().state(), (f, r, c) -> { }, Map.of(), new dev.langchain4j.model.chat.DisabledChatModel())) {
      m.tick();
      m.tick();
      assertThat(m.decisions().recent(10, null)).singleElement()
          .satisfies(d -> assertThat(d.outcome()).isEqualTo("EMAIL_SENT"));
    }
    Path outbox = rt.workspace().state().resolve("monitor").resolve("outbox");
    try (Stream<Path> s = Files.list(outbox)) {
      List<Path> mails = s.filter(p -> p.toString().endsWith(".eml.txt")).toList();
      assertThat(mails).hasSize(1);
      assertThat(Files.readString(mails.get(0))).contains("datos de entrada").contains("vacio.csv")
          .contains("Qué debe hacer una persona");
    }
  }
}
