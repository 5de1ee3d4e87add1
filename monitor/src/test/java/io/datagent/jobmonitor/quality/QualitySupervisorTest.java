package io.datagent.jobmonitor.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.jobmonitor.MonitorFixture;
import io.datagent.jobmonitor.TestDatabase;
import io.datagent.jobmonitor.store.Jdbc;
import io.datagent.jobmonitor.store.MonitorSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent's quality from its traces in PostgreSQL (the App's DDL), and run-now on the loopback Jobs API. */
class QualitySupervisorTest {

  private MonitorFixture f;
  private Jdbc db;
  private final QualityThresholds thresholds = new QualityThresholds(Duration.ofHours(24), 50, 0.05, 3.0,
      Duration.ofSeconds(5), Duration.ofHours(12), Duration.ofMinutes(5), 42L);

  @BeforeEach
  void setUp() throws Exception {
    f = new MonitorFixture();
    MonitorSchema.migrate(f.ds);
    TestDatabase.createAppTraceTables(f.ds);
    db = f.db();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private QualitySupervisor supervisor(Clock clock) {
    return new QualitySupervisor(new TraceWindow(db, clock), new QualityStore(db), thresholds,
        new RunNowEvaluationTrigger(f.client, 42), clock);
  }

  /** {@code n} traces in the last hour, {@code errors} of them failed, latencies 100..n*10 ms, plus ratings. */
  private void traces(int n, int errors, int latencyMs, int... ratings) {
    for (int i = 0; i < n; i++) {
      UUID id = UUID.randomUUID();
      db.update("insert into app.traces(id, created_at, user_email, question, answer, mode, latency_ms, error) "
          + "values (?, now() - interval '10 minutes', 'ana@empresa.test', '¿ventas?', 'x', 'sql', ?, ?)",
          id, latencyMs + i, i < errors ? "timeout del warehouse" : null);
      if (i < ratings.length) {
        db.update("insert into app.feedback(trace_id, user_email, rating, created_at) values (?, 'ana@empresa.test', ?, now())",
            id, (short) ratings[i]);
      }
    }
  }

  @Test
  void should_measure_error_rate_p95_and_rating_when_traces_exist() {
    traces(100, 3, 1000, 5, 5, 1);
    QualityFigures q = new TraceWindow(db, Clock.systemUTC()).measure(Duration.ofHours(24));
    assertThat(q.samples()).isEqualTo(100);
    assertThat(q.errorRate()).isEqualTo(0.03);
    assertThat(q.p95Ms()).isBetween(1093.0, 1096.0);
    assertThat(q.meanRating()).isBetween(3.66, 3.67);
    assertThat(q.ratings()).isEqualTo(3);
  }

  @Test
  void should_start_the_evaluation_job_once_when_the_error_rate_crosses_the_threshold() {
    traces(60, 6, 200);
    Optional<Intervention> first = supervisor(Clock.systemUTC()).check();
    assertThat(first).isPresent();
    assertThat(first.get().reasons()).singleElement().asString().contains("tasa de error 10.0 %");
    assertThat(first.get().status()).isEqualTo("STARTED");
    assertThat(first.get().runId()).isNotNull();
    assertThat(f.api.requests("/run-now")).hasSize(1);
    String window = first.get().windowKey();
    assertThat(f.api.requests("/run-now").get(0).body()).contains("\"job_id\":42")
        .contains("datagent-optimize-" + window.replaceAll("[^0-9A-Za-z]", "")).contains(window);

    // a second check inside the cool-down measures, but does not intervene
    assertThat(supervisor(Clock.systemUTC()).check()).isEmpty();
    assertThat(f.api.requests("/run-now")).hasSize(1);
    assertThat(new QualityStore(db).series(Instant.now().minus(Duration.ofHours(1)))).hasSize(2);

    // after the cool-down, in the next window, it intervenes again
    Instant now = Instant.now();
    Instant nextWindow = Instant.parse(window.substring(window.indexOf('-') + 1)).plus(thresholds.window());
    Duration ahead = Duration.between(now, nextWindow).plusMinutes(1);
    ahead = ahead.compareTo(Duration.ofHours(13)) < 0 ? Duration.ofHours(13) : ahead;
    Clock later = Clock.offset(Clock.systemUTC(), ahead);
    db.update("update app.traces set created_at = created_at + (? || ' seconds')::interval", String.valueOf(ahead.toSeconds()));
    assertThat(supervisor(later).check()).isPresent();
    assertThat(f.api.requests("/run-now")).hasSize(2);
  }

  @Test
  void should_start_one_optimisation_per_window_even_across_a_restart_without_cooldown() throws Exception {
    traces(60, 6, 200); // error rate 10 % > 5 %
    QualityThresholds noCooldown = new QualityThresholds(Duration.ofHours(24), 50, 0.05, 3.0, Duration.ofSeconds(5),
        Duration.ZERO, Duration.ofMinutes(5), null);
    java.util.List<java.util.Map<String, String>> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    java.util.function.Supplier<QualitySupervisor> boot = () -> new QualitySupervisor(new TraceWindow(db, Clock.systemUTC()),
        new QualityStore(db), noCooldown, new InProcessEvaluationTrigger(p -> {
          runs.add(p);
          return new InterventionOutcome("PROMOTED", "promovido v2", 0.62, 0.71);
        }, new QualityStore(db), pool), Clock.systemUTC());

    Optional<Intervention> first = boot.get().check();
    Optional<Intervention> again = boot.get().check(); // the App restarted: a new supervisor on the same database
    pool.shutdown();
    assertThat(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(first).isPresent();
    assertThat(again).isEmpty();
    assertThat(runs).singleElement().satisfies(p -> assertThat(p).containsEntry("window", first.get().windowKey())
        .containsKey("reason"));
    Intervention done = new QualityStore(db).recent(5).get(0);
    assertThat(new QualityStore(db).recent(5)).hasSize(1);
    assertThat(done.status()).isEqualTo("PROMOTED");
    assertThat(done.scoreBefore()).isEqualTo(0.62);
    assertThat(done.scoreAfter()).isEqualTo(0.71);
  }

  @Test
  void should_not_intervene_when_there_are_too_few_samples() {
    traces(49, 49, 20_000, 1, 1, 1);
    assertThat(supervisor(Clock.systemUTC()).check()).isEmpty();
    assertThat(f.api.requests("/run-now")).isEmpty();
  }

  @Test
  void should_name_every_threshold_crossed_when_latency_and_rating_are_bad() {
    traces(60, 0, 6_000, 1, 2, 1, 2);
    Intervention i = supervisor(Clock.systemUTC()).check().orElseThrow();
    assertThat(i.reasons()).hasSize(2);
    assertThat(String.join(" ", i.reasons())).contains("valoración media 1.50 < 3.00").contains("latencia p95");
  }

  @Test
  void should_record_the_intervention_when_no_evaluation_job_is_configured() {
    traces(60, 30, 100);
    QualitySupervisor local = new QualitySupervisor(new TraceWindow(db, Clock.systemUTC()), new QualityStore(db),
        thresholds, new RecordingEvaluationTrigger(), Clock.systemUTC());
    Intervention i = local.check().orElseThrow();
    assertThat(i.status()).isEqualTo("RECORDED");
    assertThat(i.action()).isEqualTo("RECORDED");
    assertThat(f.api.requests("/run-now")).isEmpty();
  }
}
