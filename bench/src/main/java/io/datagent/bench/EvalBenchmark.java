package io.datagent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.Agent;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.EvalReport;
import io.datagent.evaluation.Evaluation;
import io.datagent.evaluation.GroundTruth;
import io.datagent.local.LocalRuntime;
import io.datagent.local.agent.AskCommand;
import io.datagent.local.agent.LocalAgents;
import io.datagent.local.eval.EvalSetup;
import io.datagent.retrieval.Retriever;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./agent bench eval [--benchmark FILE]}: what evaluating costs per question over the bare agent answering the
 * same question, in the same run, interleaved (the order alternates per question so neither side always runs warm).
 * Two evaluated forms: the benchmark as written (scoring only) and the same questions as {@code sql} items (their
 * hand-written SQL run through the guard as ground truth, then the result sets compared). Goal (issue 14): ≤ 1.2×.
 */
public final class EvalBenchmark {

  private EvalBenchmark() {}

  public static int run(List<String> argv, LocalRuntime rt) throws Exception {
    List<String> args = EvalSetup.mutable(argv);
    Path file = EvalSetup.benchmark(args, rt);
    List<BenchmarkItem> written = BenchmarkFile.read(file).stream().filter(i -> i.sql() != null).toList();
    ObjectMapper json = new ObjectMapper();
    List<BenchmarkItem> asSql = written.stream().map(i -> new BenchmarkItem(i.id(), i.kind(), i.variant(), i.question(),
        new BenchmarkItem.Expected(BenchmarkItem.Expected.SQL, json.createObjectNode().put("type", "sql")
            .put("ranked", "ranking".equals(i.expected().type())).put("decimals", i.expected().decimals())), i.sql())).toList();
    EvalSetup.ensureSamples(rt);
    AgentConfig config = AgentConfig.fromEnv(System.getenv());
    Retriever retriever = AskCommand.retriever(rt);
    try {
      Agent agent = LocalAgents.create(rt, System.getenv(), retriever);
      Evaluation eval = new Evaluation(agent, "bench");
      GroundTruth truth = new GroundTruth(new SqlGuard(config.sqlPolicy()), LocalAgents.executor(rt, System.getenv()),
          Duration.ofSeconds(120));
      eval.warmUp("¿Qué tablas hay?");
      truth.check(asSql); // warm-up: Spark plans and the catalog, not measured
      long[] bare = new long[written.size()];
      long[] scored = new long[written.size()];
      long[] grounded = new long[written.size()];
      List<Evaluation.Result> results = new ArrayList<>();
      for (int i = 0; i < written.size(); i++) {
        BenchmarkItem item = written.get(i);
        for (int k = 0; k < 3; k++) {
          switch ((i + k) % 3) {
            case 0 -> {
              long t0 = System.nanoTime();
              agent.answer(new AgentRequest(item.question(), "bench", null, null, List.of()), new AnswerListener() {});
              bare[i] = System.nanoTime() - t0;
            }
            case 1 -> {
              long t0 = System.nanoTime();
              eval.ask(item, null);
              scored[i] = System.nanoTime() - t0;
            }
            default -> {
              long t0 = System.nanoTime();
              GroundTruth.Checked c = truth.check(asSql.get(i));
              if (!c.flagged()) {
                results.add(eval.ask(c.item(), c.rows()));
              }
              grounded[i] = System.nanoTime() - t0;
            }
          }
        }
      }
      double b = sum(bare) / written.size() / 1e6;
      double s = sum(scored) / written.size() / 1e6;
      double g = sum(grounded) / written.size() / 1e6;
      EvalReport asSqlReport = new EvalReport(results);
      System.out.printf("bench eval: %d preguntas; agente solo %.1f ms/pregunta; evaluada (puntuación) %.1f ms, ratio %.3f; "
          + "evaluada con SQL esperada (verdad + comparación de filas) %.1f ms, ratio %.3f (objetivo ≤ 1.2); "
          + "exactas como ítems sql: %d de %d%n", written.size(), b, s, s / b, g, g / b, asSqlReport.overall().exact(),
          results.size());
      return Math.max(s, g) / b <= 1.2 ? 0 : 1;
    } finally {
      if (retriever instanceof AutoCloseable c) {
        c.close();
      }
    }
  }

  private static double sum(long[] xs) {
    double t = 0;
    for (long x : xs) {
      t += x;
    }
    return t;
  }
}
