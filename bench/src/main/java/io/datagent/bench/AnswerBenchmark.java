package io.datagent.bench;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.semantic.CompiledQuestions;
import io.datagent.agent.semantic.TableModels;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.local.LocalRuntime;
import io.datagent.local.agent.AskCommand;
import io.datagent.local.agent.LocalAgents;
import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.EvalReport;
import io.datagent.local.eval.EvalSetup;
import io.datagent.retrieval.Retriever;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./agent bench answers [--benchmark FILE]}: the latency of a local answer against the same questions answered
 * by their hand-written SQL (the benchmark's {@code sql}, through the same {@link SqlGuard} and SQL executor) in the
 * same run, interleaved. After a warm-up (Spark, the catalog) each question is measured twice: the first time (what a
 * new question costs on a warm App) and repeated (the executor's result cache answers both sides). The ratio is agent
 * p50 over SQL p50 of the first pass. Goal from issue 12: a warm local answer ≤ 300 ms p50. The agent is the one
 * the App runs without a language model (the question compiler, then the extractive fallback), whatever the
 * environment configures; the modes of its answers are printed so a run shows what was measured. The compile step
 * alone (question to SQL text, no statement run; {@link CompileStep}) is printed first, and each pass also splits the
 * agent's times into original questions whose answer ran SQL and the rest.
 */
public final class AnswerBenchmark {

  private AnswerBenchmark() {}

  public static int run(List<String> argv, LocalRuntime rt) throws Exception {
    List<String> args = EvalSetup.mutable(argv);
    Path file = EvalSetup.benchmark(args, rt);
    List<BenchmarkItem> items = BenchmarkFile.read(file).stream().filter(i -> i.sql() != null).toList();
    EvalSetup.ensureSamples(rt);
    Map<String, String> env = withoutModel(System.getenv());
    AgentConfig config = AgentConfig.fromEnv(env);
    SqlGuard guard = new SqlGuard(config.sqlPolicy());
    SqlExecutor sql = LocalAgents.executor(rt, env);
    Retriever retriever = AskCommand.retriever(rt);
    try {
      Agent agent = LocalAgents.create(rt, env, retriever);
      System.out.println("bench answers: agente sin modelo de lenguaje (compilador de preguntas, luego extractivo), " + items.size()
          + " preguntas con SQL a mano de " + file);
      agent.answer(new AgentRequest("¿Qué tablas hay?", "bench", null, null, List.of()), new AnswerListener() {});
      for (String t : EvalSetup.SAMPLE_TABLES) {
        // a warm-up, not a measurement: a busy machine's first Spark statements may take minutes
        sql.execute(guard.check("SELECT count(*) FROM serving." + t).sql(), 10, Duration.ofMinutes(10), null);
      }
      var catalog = LocalAgents.catalog(rt, config);
      CompileStep.measure(items, new CompiledQuestions(catalog, new TableModels(catalog, guard, sql, Duration.ofSeconds(120),
          LocalAgents.semanticModels(rt), Duration.ofMinutes(10))));
      int failed = 0;
      for (String pass : List.of("primera vez", "repetida")) {
        long[] a = new long[items.size()];
        long[] s = new long[items.size()];
        Map<String, Integer> modes = new TreeMap<>();
        List<Long> ranSql = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          BenchmarkItem item = items.get(i);
          long t0 = System.nanoTime();
          AgentAnswer answer = agent.answer(new AgentRequest(item.question(), "bench", null, null, List.of()), new AnswerListener() {});
          long t1 = System.nanoTime();
          modes.merge(answer.mode(), 1, Integer::sum);
          try {
            sql.execute(guard.check(item.sql()).sql(), config.sqlPolicy().maxRows(), Duration.ofSeconds(120), null);
          } catch (Exception e) {
            if (pass.equals("primera vez")) {
              failed++;
              System.err.printf("  SQL de %s no se pudo ejecutar: %s%n", item.id(), e.getMessage());
            }
          }
          a[i] = (t1 - t0) / 1000;
          boolean ran = "original".equals(item.variant()) && answer.sql() != null && !answer.sql().isEmpty();
          (ran ? ranSql : others).add(a[i]);
          s[i] = (System.nanoTime() - t1) / 1000;
        }
        Arrays.sort(a);
        Arrays.sort(s);
        double ap50 = EvalReport.percentile(a, 0.5) / 1000.0;
        double sp50 = EvalReport.percentile(s, 0.5) / 1000.0;
        System.out.printf("bench answers (%s): %d preguntas; agente p50 %.1f ms p99 %.1f ms, SQL a mano p50 %.1f ms p99 %.1f ms, "
            + "ratio %.3f (objetivo: respuesta ≤ 300 ms p50)%n", pass, items.size(), ap50, EvalReport.percentile(a, 0.99) / 1000.0,
            sp50, EvalReport.percentile(s, 0.99) / 1000.0, ap50 / Math.max(0.001, sp50));
        System.out.println("  modos de respuesta: " + modes);
        System.out.println("  agente, preguntas originales que ejecutaron SQL: " + CompileStep.percentiles(
            ranSql.stream().mapToLong(Long::longValue).toArray()) + "; las demás (variantes, rechazadas, extractivas): "
            + CompileStep.percentiles(others.stream().mapToLong(Long::longValue).toArray()));
      }
      if (failed > 0) {
        System.out.println("bench answers: " + failed + " SQL a mano fallaron");
      }
      return failed == 0 ? 0 : 1;
    } finally {
      if (retriever instanceof AutoCloseable c) {
        c.close();
      }
    }
  }

  /** The environment without a language model: the benchmark measures the agent that answers without one. */
  static Map<String, String> withoutModel(Map<String, String> env) {
    Map<String, String> out = new HashMap<>(env);
    out.keySet().removeIf(k -> k.equals("OPENAI_BASE_URL") || k.equals("OPENAI_API_KEY") || k.equals("DATAGENT_LLM_ENDPOINT")
        || k.equals("DATAGENT_LLM_MODEL"));
    return out;
  }
}
