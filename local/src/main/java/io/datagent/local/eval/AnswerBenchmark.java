package io.datagent.local.eval;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.local.LocalRuntime;
import io.datagent.local.agent.AskCommand;
import io.datagent.local.agent.LocalAgents;
import io.datagent.retrieval.Retriever;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./agent bench answers [--benchmark FILE] [--rounds N]}: the warm latency of a local answer against the same
 * questions answered by their hand-written SQL (the benchmark's {@code sql}, through the same {@link SqlGuard} and
 * SQL executor) in the same run. Round 1 warms both (Spark, caches) and is not counted; the printed ratio is agent
 * p50 over SQL p50. Goal from issue 12: a warm local answer ≤ 300 ms p50.
 */
public final class AnswerBenchmark {

  private AnswerBenchmark() {}

  public static int run(List<String> argv, LocalRuntime rt) throws Exception {
    List<String> args = EvalSetup.mutable(argv);
    Path file = EvalSetup.benchmark(args, rt);
    int at = args.indexOf("--rounds");
    int rounds = at >= 0 && at + 1 < args.size() ? Integer.parseInt(args.get(at + 1)) : 3;
    List<BenchmarkItem> items = BenchmarkFile.read(file).stream().filter(i -> i.sql() != null).toList();
    EvalSetup.ensureSamples(rt);
    AgentConfig config = AgentConfig.fromEnv(System.getenv());
    SqlGuard guard = new SqlGuard(config.sqlPolicy());
    SqlExecutor sql = LocalAgents.executor(rt, System.getenv());
    Retriever retriever = AskCommand.retriever(rt);
    try {
      Agent agent = LocalAgents.create(rt, System.getenv(), retriever);
      List<Long> agentMs = new ArrayList<>();
      List<Long> sqlMs = new ArrayList<>();
      int failed = 0;
      for (int round = 1; round <= Math.max(2, rounds); round++) {
        for (BenchmarkItem item : items) {
          long t0 = System.nanoTime();
          agent.answer(new AgentRequest(item.question(), "bench", null, null, List.of()), new AnswerListener() {});
          long t1 = System.nanoTime();
          try {
            sql.execute(guard.check(item.sql()).sql(), config.sqlPolicy().maxRows(), Duration.ofSeconds(120), null);
          } catch (Exception e) {
            failed += round == 1 ? 1 : 0;
            if (round == 1) {
              System.err.printf("  SQL de %s no se pudo ejecutar: %s%n", item.id(), e.getMessage());
            }
          }
          long t2 = System.nanoTime();
          if (round > 1) {
            agentMs.add((t1 - t0) / 1_000_000);
            sqlMs.add((t2 - t1) / 1_000_000);
          }
        }
        System.out.printf("  ronda %d de %d: %d preguntas%n", round, Math.max(2, rounds), items.size());
      }
      long[] a = agentMs.stream().mapToLong(Long::longValue).sorted().toArray();
      long[] s = sqlMs.stream().mapToLong(Long::longValue).sorted().toArray();
      long ap50 = EvalReport.percentile(a, 0.5);
      long sp50 = EvalReport.percentile(s, 0.5);
      System.out.printf("bench answers: %d preguntas en caliente; agente p50 %d ms p99 %d ms, SQL a mano p50 %d ms p99 %d ms, "
          + "ratio %.2f (objetivo: respuesta ≤ 300 ms p50)%s%n", items.size(), ap50, EvalReport.percentile(a, 0.99), sp50,
          EvalReport.percentile(s, 0.99), (double) ap50 / Math.max(1, sp50), failed == 0 ? "" : "; " + failed + " SQL fallaron");
      return failed == 0 ? 0 : 1;
    } finally {
      if (retriever instanceof AutoCloseable c) {
        c.close();
      }
    }
  }
}
