package io.datagent.bench;

import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * {@code ./agent bench <name>}: benchmarks that print ratios against a baseline measured in the same run (these
 * machines are noisy; absolute times alone mean little). Benchmarks are {@link Benchmark}s, found here or through
 * {@link ServiceLoader}.
 *
 * <p>Lives in the {@code bench} module, out of the production JARs; {@code ./agent} finds it through
 * {@code META-INF/services/io.datagent.local.Command} when the launcher runs with the bench classpath.
 */
public final class BenchCommand implements Command {

  /** One named benchmark. */
  public interface Benchmark {
    String name();

    int run(List<String> args, LocalRuntime rt) throws Exception;
  }

  private final Map<String, Benchmark> benchmarks = new LinkedHashMap<>();

  public BenchCommand() {
    add(new IngestBenchmark());
    add(new ApiBenchmark());
    add(new Benchmark() { public String name() { return "prompt"; } public int run(List<String> a, LocalRuntime r) throws Exception { return io.datagent.bench.agent.PromptBenchmark.run(a, r); } });
    add(new Benchmark() { public String name() { return "app"; } public int run(List<String> a, LocalRuntime r) throws Exception { return io.datagent.bench.app.AppBenchmark.run(a, r); } });
    add(new Benchmark() { public String name() { return "triage"; } public int run(List<String> a, LocalRuntime r) throws Exception { return io.datagent.bench.monitor.TriageBenchmark.run(a, r); } });
    add(new Benchmark() { public String name() { return "embed"; } public int run(List<String> a, LocalRuntime r) throws Exception { return io.datagent.bench.retrieval.EmbedBenchmark.run(a, r); } });
    add(new Benchmark() { public String name() { return "retrieval"; } public int run(List<String> a, LocalRuntime r) throws Exception { return io.datagent.bench.retrieval.RetrievalBenchmark.run(a, r); } });
    add(new Benchmark() { public String name() { return "eval"; } public int run(List<String> a, LocalRuntime r) throws Exception { return EvalBenchmark.run(a, r); } });
    add(new Benchmark() { public String name() { return "answers"; } public int run(List<String> a, LocalRuntime r) throws Exception { return AnswerBenchmark.run(a, r); } });
    for (Benchmark b : ServiceLoader.load(Benchmark.class)) {
      add(b);
    }
  }

  private void add(Benchmark b) {
    benchmarks.put(b.name(), b);
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "bench <" + String.join("|", benchmarks.keySet()) + ">   mide rendimiento contra una referencia en la misma ejecución";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    if (args.isEmpty() || !benchmarks.containsKey(args.get(0))) {
      System.err.println("Uso: ./agent bench <" + String.join("|", benchmarks.keySet()) + ">");
      return 2;
    }
    return benchmarks.get(args.get(0)).run(args.subList(1, args.size()), rt);
  }
}
