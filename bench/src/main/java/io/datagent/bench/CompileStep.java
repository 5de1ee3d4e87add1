package io.datagent.bench;

import io.datagent.agent.semantic.CompiledQuestions;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.EvalReport;
import java.util.Arrays;
import java.util.List;

/**
 * The question compiler's step alone in {@code ./agent bench answers}: question to guarded-SQL text over the warm
 * semantic models (candidate tables, every model's compilation, the best plan's SQL), no statement run. One warm-up
 * round (models loaded and cached), then {@link #ROUNDS} measured rounds over every question.
 */
final class CompileStep {

  static final int ROUNDS = 5;

  private CompileStep() {}

  /** Prints p50/p99 of the compile step and how many questions compiled to SQL; returns the p50 in ms. */
  static double measure(List<BenchmarkItem> items, CompiledQuestions compiler) {
    int compiled = 0;
    for (BenchmarkItem item : items) {
      compiled += compiler.compile(item.question()).isPresent() ? 1 : 0;
    }
    long[] us = new long[items.size() * ROUNDS];
    int k = 0;
    for (int r = 0; r < ROUNDS; r++) {
      for (BenchmarkItem item : items) {
        long t0 = System.nanoTime();
        compiler.compile(item.question());
        us[k++] = (System.nanoTime() - t0) / 1000;
      }
    }
    Arrays.sort(us);
    double p50 = EvalReport.percentile(us, 0.5) / 1000.0;
    System.out.printf("bench answers (paso de compilación, sin ejecutar SQL): %d preguntas × %d rondas, %d compiladas a SQL; "
        + "p50 %.2f ms p99 %.2f ms%n", items.size(), ROUNDS, compiled, p50, EvalReport.percentile(us, 0.99) / 1000.0);
    return p50;
  }

  /** p50/p99 in ms of the given microsecond times, as "p50 X ms p99 Y ms (n)", or "sin preguntas". */
  static String percentiles(long[] us) {
    if (us.length == 0) {
      return "sin preguntas";
    }
    long[] s = us.clone();
    Arrays.sort(s);
    return String.format("p50 %.1f ms p99 %.1f ms (%d)", EvalReport.percentile(s, 0.5) / 1000.0,
        EvalReport.percentile(s, 0.99) / 1000.0, s.length);
  }
}
