package io.datagent.local.eval;

import io.datagent.agent.Agent;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.sql.SqlPolicy;
import io.datagent.app.Refusal;
import io.datagent.app.evaluation.EvaluationLauncher;
import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.EvalReport;
import io.datagent.evaluation.Evaluation;
import io.datagent.evaluation.GroundTruth;
import io.datagent.evaluation.Pricing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Evaluar ahora" on the local App: the evaluation {@code ./agent eval} runs (the benchmark, scored against its
 * expected SQL through the guard), in this process on one background thread, with the App's own agent (same prompt
 * alias, same tools), its JSON report written where {@code ./agent eval} writes them, so the Monitor page lists it.
 * One at a time: a second start while one runs is refused (429).
 */
public final class LocalEvaluationLauncher implements EvaluationLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(LocalEvaluationLauncher.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Agent agent;
  private final GroundTruth truth;
  private final Path benchmark;
  private final Path reports;
  private final Pricing pricing;
  private final Executor executor;
  private final AtomicBoolean running = new AtomicBoolean();

  public LocalEvaluationLauncher(Agent agent, SqlExecutor sql, SqlPolicy policy, Path benchmark, Path reports, Pricing pricing,
      Executor executor) {
    this.agent = agent;
    this.truth = new GroundTruth(new SqlGuard(policy), sql, Duration.ofSeconds(120));
    this.benchmark = benchmark;
    this.reports = reports;
    this.pricing = pricing;
    this.executor = executor;
  }

  @Override
  public Started start(String requestedBy) {
    List<BenchmarkItem> items;
    try {
      items = Files.isDirectory(benchmark) ? BenchmarkFile.readDirectory(benchmark) : BenchmarkFile.read(benchmark);
    } catch (java.io.IOException | RuntimeException e) {
      throw new Refusal(Refusal.Kind.UNAVAILABLE, "No se pudo leer el banco de preguntas " + benchmark + ": " + e.getMessage());
    }
    if (!running.compareAndSet(false, true)) {
      throw new Refusal(Refusal.Kind.BUSY, "Ya hay una evaluación en curso en este proceso; espere a que termine.");
    }
    Path out = reports.resolve("eval-" + LocalDateTime.now().format(STAMP) + ".json");
    try {
      executor.execute(() -> {
        try {
          EvalReport report = new Evaluation(agent, requestedBy, pricing).evaluate(items, truth, r -> {});
          report.write(out, benchmark.toString());
          EvalReport.Row all = report.overall();
          LOG.info("Evaluación terminada: {} de {} exactas ({}); informe en {}", all.exact(), all.total(),
              String.format("%.0f %%", 100 * all.exactRate()), out);
        } catch (java.io.IOException | RuntimeException e) {
          LOG.warn("La evaluación pedida por {} falló", requestedBy, e);
        } finally {
          running.set(false);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      running.set(false);
      throw new Refusal(Refusal.Kind.UNAVAILABLE, "La App se está cerrando; no se inició la evaluación.");
    }
    return new Started("Evaluación iniciada en este proceso: " + items.size() + " preguntas de " + benchmark.getFileName()
        + " (como ./agent eval); el resultado aparecerá aquí al terminar.", null);
  }
}
