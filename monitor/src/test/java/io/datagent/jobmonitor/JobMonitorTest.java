package io.datagent.jobmonitor;

import io.datagent.jobmonitor.classify.Evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.datagent.jobmonitor.act.Backoff;
import io.datagent.jobmonitor.act.CrashingJobsClient;
import io.datagent.jobmonitor.detect.RunJson;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.loopback.LoopbackRuns;
import io.datagent.jobmonitor.store.Decision;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitor end to end: loopback Jobs API, real PostgreSQL, GreenMail. */
class JobMonitorTest {

  private static final String INGESTION = "datagent ingestion";
  private MonitorFixture f;
  private long now;

  @BeforeEach
  void setUp() throws Exception {
    f = new MonitorFixture();
    now = System.currentTimeMillis();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private void failed(long runId, long startAgoMs, String taskKey, String error) {
    f.api.runs().failed(1, INGESTION, runId, now - startAgoMs, now - startAgoMs + 5_000, taskKey, "RUN_EXECUTION_ERROR",
        "Task " + taskKey + " failed", Map.of("parallelism", "0"), new RunOutput(error, error + "\n\tat x.Y(Y.java:1)", "", false));
  }

  private List<Decision> decisions(JobMonitor m) {
    return m.decisions().recent(100, null);
  }

  @Test
  void should_repair_only_the_failed_tasks_with_half_the_parallelism_when_ingestion_runs_out_of_memory() throws Exception {
    failed(100, 60_000, "ingest", "java.lang.OutOfMemoryError: Java heap space");
    try (JobMonitor m = f.monitor()) {
      m.tick();

      assertThat(f.api.requests("/runs/repair")).hasSize(1);
      JsonNode body = RunJson.MAPPER.readTree(f.api.requests("/runs/repair").get(0).body());
      assertThat(body.get("rerun_all_failed_tasks").asBoolean()).isTrue();
      assertThat(body.get("job_parameters").get("parallelism").asText()).isEqualTo("4");
      Decision d = decisions(m).get(0);
      assertThat(d.classification().category().id()).isEqualTo("resource");
      assertThat(d.plan().action().name()).isEqualTo("RETRY_WITH_NEW_PARAMS");
      assertThat(d.plan().parameters()).containsEntry("parallelism", "4");
      assertThat(d.status()).isEqualTo(Decision.Status.DONE);
      assertThat(d.outcome()).isEqualTo("REPAIR_SUBMITTED");
      assertThat(d.taskKeys()).containsExactly("ingest");
      assertThat(d.classification().evidence()).extracting(e -> e.stage()).contains(Evidence.SIGNAL);

      m.tick(); // the loopback repair succeeded: the monitor sees the run healed
      assertThat(m.decisionById(d.id()).orElseThrow().resolution()).isEqualTo("HEALED");
      assertThat(f.api.requests("/runs/repair")).hasSize(1);
      assertThat(f.mail.getReceivedMessages()).isEmpty();
    }
  }

  @Test
  void should_send_one_spanish_email_with_text_and_html_when_an_upload_is_malformed() throws Exception {
    failed(200, 60_000, "ingest", "io.datagent.ingestion.IngestJob$IngestionFailedException: La ingesta terminó con "
        + "archivos con error:\n  - ventas/mayo.csv: el archivo está vacío; se esperaba una cabecera y filas de datos");
    try (JobMonitor m = f.monitor()) {
      m.tick();
      m.tick();
    }
    MimeMessage[] got = f.mail.getReceivedMessages();
    assertThat(got).hasSize(1);
    MimeMessage msg = got[0];
    assertThat(msg.getSubject()).contains("datagent ingestion").contains("200").contains("datos de entrada");
    assertThat(msg.getAllRecipients()).extracting(Object::toString).containsExactly("datos@empresa.test");
    assertThat(msg.getMessageID()).isEqualTo("<datagent-monitor-200-0@datagent>");
    MimeMultipart alt = (MimeMultipart) msg.getContent();
    assertThat(alt.getContentType()).contains("alternative");
    String text = GreenMailUtil.getBody(alt.getBodyPart(0));
    String html = GreenMailUtil.getBody(alt.getBodyPart(1));
    assertThat(alt.getBodyPart(0).getContentType()).contains("text/plain");
    assertThat(alt.getBodyPart(1).getContentType()).contains("text/html");
    String plain = new String(alt.getBodyPart(0).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(plain).contains("Causa probable").contains("Qué debe hacer una persona").contains("ventas/mayo.csv")
        .contains("https://loopback/jobs/1/runs/200").contains("Acción tomada").doesNotContain("\tat x.Y");
    assertThat(text).isNotBlank();
    assertThat(html).contains("href");
  }

  @Test
  void should_escalate_to_the_second_list_when_the_retry_budget_is_spent() throws Exception {
    f.api.runs().repairOutcome(LoopbackRuns.RepairOutcome.FAIL);
    failed(300, 60_000, "ingest", "java.net.SocketTimeoutException: Read timed out");
    try (JobMonitor m = f.monitor()) {
      m.tick(); // repair 1; it fails again → attempt 1 → repair 2
      m.tick(); // repair 2 fails → attempt 2 = budget → escalate
      m.tick();
    }
    assertThat(f.api.requests("/runs/repair")).hasSize(2);
    MimeMessage[] got = f.mail.getReceivedMessages();
    assertThat(got).hasSize(2); // to the escalation list, and its copy to the usual one (one message, two mailboxes)
    assertThat(got[0].getSubject()).contains("ESCALADO");
    assertThat(got[0].getHeader("To")[0]).isEqualTo("guardia@empresa.test");
    assertThat(got[0].getHeader("Cc")[0]).isEqualTo("datos@empresa.test");
    assertThat(f.count("select count(*) from monitor.decisions where run_id = 300")).isEqualTo(3);
    assertThat(f.count("select count(*) from monitor.decisions where run_id = 300 and action = 'ESCALATE'")).isEqualTo(1);
  }

  @Test
  void should_not_repeat_the_repair_when_the_monitor_restarts_right_after_sending_it() throws Exception {
    failed(400, 60_000, "ingest", "java.net.ConnectException: Connection refused");
    JobMonitor crashing = f.monitor(new CrashingJobsClient(f.client, true));
    assertThatThrownBy(crashing::tick).isInstanceOf(CrashingJobsClient.Crash.class);
    crashing.close();
    assertThat(f.count("select count(*) from monitor.decisions where status = 'ACTING'")).isEqualTo(1);
    Thread.sleep(50);

    try (JobMonitor restarted = f.monitor()) {
      restarted.tick();
      restarted.tick();
      assertThat(f.api.requests("/runs/repair")).hasSize(1);
      Decision d = decisions(restarted).get(0);
      assertThat(d.status()).isEqualTo(Decision.Status.DONE);
      assertThat(d.outcomeDetail()).contains("confirmada");
      assertThat(d.repairId()).isEqualTo(f.api.runs().get(400).latestRepairId());
      assertThat(d.resolution()).isEqualTo("HEALED");
    }
  }

  @Test
  void should_send_the_repair_once_when_the_monitor_restarts_before_sending_it() throws Exception {
    failed(500, 60_000, "ingest", "java.net.ConnectException: Connection refused");
    JobMonitor crashing = f.monitor(new CrashingJobsClient(f.client, false));
    assertThatThrownBy(crashing::tick).isInstanceOf(CrashingJobsClient.Crash.class);
    crashing.close();
    assertThat(f.api.requests("/runs/repair")).isEmpty();
    Thread.sleep(50);

    try (JobMonitor restarted = f.monitor()) {
      restarted.tick();
      restarted.tick();
    }
    assertThat(f.api.requests("/runs/repair")).hasSize(1);
    assertThat(f.api.runs().get(500).attempt()).isEqualTo(1);
    assertThat(f.count("select count(*) from monitor.decisions")).isEqualTo(1);
  }

  @Test
  void should_apply_one_repair_and_record_it_when_its_response_is_lost() throws Exception {
    failed(600, 60_000, "ingest", "java.net.ConnectException: Connection refused");
    f.api.dropResponseAfterNextRepair();
    try (JobMonitor m = f.monitor()) {
      m.tick();
      // the platform layer does not resend the repair: it reads the run again and finds the repair applied
      assertThat(f.api.requests("/runs/repair")).hasSize(1);
      assertThat(f.api.runs().get(600).attempt()).isEqualTo(1);
      Decision d = decisions(m).get(0);
      assertThat(d.outcome()).isEqualTo("REPAIR_SUBMITTED");
      assertThat(d.repairId()).isEqualTo(f.api.runs().get(600).latestRepairId());
      assertThat(f.mail.getReceivedMessages()).isEmpty();
    }
  }

  @Test
  void should_neither_miss_nor_repeat_a_run_when_polling_across_a_restart() throws Exception {
    String bad = "La ingesta terminó con archivos con error:\n  - a.csv: el archivo está vacío";
    failed(700, 100_000, "ingest", bad);
    f.api.runs().succeeded(1, INGESTION, 710, now - 95_000, now - 90_000);
    f.api.runs().running(1, INGESTION, 720, now - 80_000);
    try (JobMonitor m = f.monitor()) {
      m.tick();
    }
    assertThat(f.count("select count(*) from monitor.decisions")).isEqualTo(1);
    // the long run ends (failed) after a later run started and failed; then a restart
    failed(720, 80_000, "ingest", bad);
    failed(730, 10_000, "ingest", bad);
    try (JobMonitor m = f.monitor()) {
      m.tick();
      m.tick();
      assertThat(decisions(m)).extracting(Decision::runId).containsExactlyInAnyOrder(700L, 720L, 730L);
      assertThat(m.runs().recent(10)).extracting(r -> r.runId()).containsExactlyInAnyOrder(700L, 710L, 720L, 730L);
    }
    assertThat(f.mail.getReceivedMessages()).hasSize(3);
  }

  @Test
  void should_record_and_do_nothing_when_a_person_cancelled_the_run() {
    f.api.runs().put(new io.datagent.jobmonitor.detect.JobRun(800, 1L, INGESTION, "TERMINATED", "CANCELED",
        "Run cancelled by ana@empresa.test", true, "USER_CANCELED", "SUCCESS", now - 50_000, now - 40_000, null,
        List.of(), List.of(), List.of(), false));
    try (JobMonitor m = f.monitor()) {
      m.tick();
      Decision d = decisions(m).get(0);
      assertThat(d.classification().category().id()).isEqualTo("cancelled");
      assertThat(d.outcome()).isEqualTo("IGNORED");
    }
    assertThat(f.api.requests("/runs/repair")).isEmpty();
    assertThat(f.mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void should_wait_for_the_back_off_when_a_retry_is_planned() {
    f.config = f.config.withTiming(Duration.ofSeconds(1), new Backoff(Duration.ofHours(1), 2, Duration.ofHours(2)), Duration.ZERO);
    failed(900, 60_000, "ingest", "java.net.ConnectException: Connection refused");
    try (JobMonitor m = f.monitor()) {
      m.tick();
      Decision d = decisions(m).get(0);
      assertThat(d.status()).isEqualTo(Decision.Status.PENDING);
      assertThat(d.plan().notBefore()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(59)));
    }
    assertThat(f.api.requests("/runs/repair")).isEmpty();
  }

  @Test
  void should_escalate_at_once_when_the_failure_is_critical() {
    failed(950, 60_000, "maintain", "[DELTA_TXN_LOG_FAILED_INTEGRITY] The transaction log has failed integrity checks. SQLSTATE: XXKDS");
    try (JobMonitor m = f.monitor()) {
      m.tick();
      assertThat(decisions(m).get(0).plan().action().name()).isEqualTo("ESCALATE");
    }
    assertThat(f.mail.getReceivedMessages()).isNotEmpty();
    assertThat(f.api.requests("/runs/repair")).isEmpty();
  }

  @Test
  void should_not_resend_an_email_when_the_monitor_restarts_while_sending_it() throws Exception {
    failed(990, 60_000, "ingest", "java.lang.ClassNotFoundException: com.crealytics.spark.excel.DefaultSource");
    io.datagent.jobmonitor.mail.SmtpMailSender smtp = new io.datagent.jobmonitor.mail.SmtpMailSender(f.config.email().smtp());
    io.datagent.jobmonitor.mail.MailSender dying = new io.datagent.jobmonitor.mail.MailSender() {
      public void send(io.datagent.jobmonitor.mail.MailMessage m) throws Exception {
        smtp.send(m);
        throw new CrashingJobsClient.Crash("after sending the email");
      }

      public String describe() {
        return "smtp then crash";
      }
    };
    JobMonitor crashing = JobMonitor.builder(f.ds, f.config, f.client).mail(dying).build();
    assertThatThrownBy(crashing::tick).isInstanceOf(CrashingJobsClient.Crash.class);
    crashing.close();
    Thread.sleep(50);
    try (JobMonitor restarted = f.monitor()) {
      restarted.tick();
      assertThat(decisions(restarted).get(0).outcome()).isEqualTo("EMAIL_UNCONFIRMED");
    }
    assertThat(f.mail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void should_not_email_twice_when_a_parent_run_fails_only_because_the_job_it_starts_failed() {
    failed(1100, 60_000, "ingest", "La ingesta terminó con archivos con error:\n  - a.csv: el archivo está vacío");
    var t = new io.datagent.jobmonitor.detect.TaskRun(1111, "run_ingestion", "TERMINATED", "FAILED", "child failed",
        "RUN_EXECUTION_ERROR", 0, now - 61_000, now - 50_000, null, true);
    f.api.runs().put(new io.datagent.jobmonitor.detect.JobRun(1110, 2L, "datagent ingestion (weekly sweep)", "TERMINATED",
        "FAILED", "Task run_ingestion failed", false, "RUN_EXECUTION_ERROR", "CLIENT_ERROR", now - 61_000, now - 50_000,
        null, List.of(t), List.of(), List.of(), false));
    try (JobMonitor m = f.monitor()) {
      m.tick();
      assertThat(decisions(m)).hasSize(2);
      assertThat(m.decisions().recent(10, null)).filteredOn(d -> d.runId() == 1110).singleElement()
          .satisfies(d -> assertThat(d.outcome()).isEqualTo("IGNORED"));
    }
    assertThat(f.mail.getReceivedMessages()).hasSize(1);
  }
}
