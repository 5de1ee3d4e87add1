package io.datagent.bench.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.jobmonitor.JobMonitor;
import io.datagent.jobmonitor.act.Backoff;
import io.datagent.jobmonitor.classify.ErrorCatalog;
import io.datagent.jobmonitor.classify.Failure;
import io.datagent.jobmonitor.classify.FailureText;
import io.datagent.jobmonitor.classify.TriageClassifier;
import io.datagent.jobmonitor.config.Classifiers;
import io.datagent.jobmonitor.config.MonitorConfig;
import io.datagent.jobmonitor.databricks.DatabricksJobsClient;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import io.datagent.jobmonitor.detect.RunJson;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.JobParameter;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.TaskRun;
import io.datagent.testkit.FakeWorkspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.datagent.jobmonitor.triage.CatalogSamples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code ./agent bench triage}: (1) classifications per second on one thread over texts generated from the Spark and
 * Delta catalogues plus the hand-collected real failures, against a baseline of just preparing each text in the
 * same run; (2) detect-to-act latency: failed runs appear in a loopback Jobs API while the monitor loop polls it,
 * and the time until the repair request arrives is measured (target: poll interval + 2 s).
 */
public final class TriageBench {

  public static final String REAL_FAILURES = "/io/datagent/jobmonitor/triage/real-failures.jsonl";

  private final MonitorConfig config;
  private final PrintStream out;

  public TriageBench(MonitorConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** The benchmark corpus: catalogue samples and real failures. */
  public static List<Failure> corpus(ErrorCatalog catalog) throws IOException {
    List<Failure> all = new ArrayList<>();
    CatalogSamples.all(catalog).forEach(s -> all.add(Failure.ofText(s.text())));
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        TriageBench.class.getResourceAsStream(REAL_FAILURES), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          JsonNode n = RunJson.MAPPER.readTree(line);
          all.add(new Failure(n.path("termination_code").asText(null), n.path("result_state").asText(null),
              n.path("state_message").asText(null), n.path("text").asText(), null, null));
        }
      }
    }
    return all;
  }

  /** Classifications per second on the calling thread, for {@code seconds} after a warm-up. */
  public double throughput(double seconds) throws IOException {
    ErrorCatalog catalog = ErrorCatalog.load();
    TriageClassifier classifier = Classifiers.rulesOnly(config, catalog);
    List<Failure> corpus = corpus(catalog);
    out.printf("Corpus: %,d textos (%,d del catálogo de Spark/Delta, el resto reales)%n", corpus.size(), catalog.size());
    loop(corpus, f -> classifier.classify(f).confidence(), 2);
    double base = loop(corpus, f -> new FailureText(f).lower().length(), seconds);
    double rate = loop(corpus, f -> classifier.classify(f).confidence(), seconds);
    out.printf("Referencia (solo preparar el texto): %,.0f textos/s%n", base);
    out.printf("Clasificación (reglas, 1 hilo):      %,.0f clasificaciones/s  (%.1f%% de la referencia; objetivo ≥ 20.000/s: %s)%n",
        rate, 100 * rate / base, rate >= 20_000 ? "cumplido" : "NO cumplido");
    return rate;
  }

  private static double loop(List<Failure> corpus, java.util.function.ToDoubleFunction<Failure> work, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    double sink = 0;
    long start = System.nanoTime();
    while (System.nanoTime() < end) {
      for (int i = 0; i < 256; i++) {
        sink += work.applyAsDouble(corpus.get((int) (n++ % corpus.size())));
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (sink == -1) {
      System.out.print("");
    }
    return n / elapsed;
  }

  /**
   * Detect-to-act latency over {@code runs} failures: the monitor loop polls a loopback Jobs API every
   * {@code poll}; each failure (out of memory: repaired at once, no back-off) appears as a finished run and the
   * clock stops when its {@code runs/repair} arrives. Returns the latencies in milliseconds, sorted.
   */
  public long[] detectToAct(DataSource ds, Duration poll, int runs) throws Exception {
    MonitorConfig cfg = config.withTiming(poll, new Backoff(Duration.ZERO, 2, Duration.ZERO), Duration.ZERO);
    long[] latencies = new long[runs];
    try (FakeWorkspace ws = new FakeWorkspace()) {
      ws.auth().allowToken("bench");
      DatabricksJobsClient client = new DatabricksJobsClient(new Platform(PlatformConfig.pat(ws.url(), "bench")).jobs());
      try (JobMonitor monitor = JobMonitor.builder(ds, cfg, client).source("bench").build()) {
        monitor.start();
        Thread.sleep(poll.toMillis() + 500);
        for (int i = 0; i < runs; i++) {
          long runId = 1_000_000 + i * 10L;
          long start = System.currentTimeMillis();
          // as on Databricks, the run is active (and listed as such) before it fails
          ws.jobs().putRun(RunJson.toJson(running(runId, start)));
          Thread.sleep(poll.toMillis() + (long) (Math.random() * poll.toMillis()));
          long now = System.currentTimeMillis();
          JobRun failed = failed(runId, start, now);
          ws.jobs().putOutput(failed.tasks().get(0).runId(),
              RunJson.toJson(new RunOutput("java.lang.OutOfMemoryError: Java heap space", null, null, false)));
          ws.jobs().putRun(RunJson.toJson(failed));
          long deadline = now + poll.toMillis() * 3 + 10_000;
          while (ws.jobs().firstRepairAt(runId) < 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
          }
          long at = ws.jobs().firstRepairAt(runId);
          latencies[i] = at < 0 ? -1 : at - now;
          out.printf("  fallo %2d: %s%n", i + 1, at < 0 ? "sin reparación" : (at - now) + " ms hasta runs/repair");
        }
      }
    }
    Arrays.sort(latencies);
    return latencies;
  }

  private static JobRun running(long runId, long start) {
    TaskRun t = new TaskRun(runId + 1, "ingest", "RUNNING", null, "", null, 0, start, 0L, null);
    return new JobRun(runId, 1L, "datagent ingestion", "RUNNING", null, "", false, null, null, start, 0, null, List.of(t),
        List.of(), List.of(), false);
  }

  /** A failed single-task ingestion run whose job has a {@code parallelism} parameter. */
  private static JobRun failed(long runId, long start, long end) {
    TaskRun t = new TaskRun(runId + 1, "ingest", "TERMINATED", "FAILED", "Task ingest failed", "RUN_EXECUTION_ERROR", 0,
        start, end, null);
    return new JobRun(runId, 1L, "datagent ingestion", "TERMINATED", "FAILED", "Task ingest failed", false,
        "RUN_EXECUTION_ERROR", "CLIENT_ERROR", start, end, null, List.of(t),
        List.of(new JobParameter("parallelism", "0", null)), List.of(), false);
  }
}
