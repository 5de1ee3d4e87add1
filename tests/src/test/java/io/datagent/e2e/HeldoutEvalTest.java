package io.datagent.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datagent.evaluation.BenchmarkFile;
import io.datagent.evaluation.BenchmarkItem;
import io.datagent.evaluation.EvalReport;
import io.datagent.evaluation.Evaluation;
import io.datagent.evaluation.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The held-out benchmark (real Spanish open-data files the product was never tuned on) through the agent of a local
 * App that ingested only those files; the per-kind table is printed (no exact-match goal: it measures
 * generalisation). The goal is no wrong number: the test holds the line at {@link #KNOWN_WRONG} wrong answers (4 when
 * the set was written on 2026-12-07, 0 since the compiler handles total members and "which row has the most"). Opt-in with {@code -Dbenchmark.heldout=true}: it starts its own App
 * (Spark, PostgreSQL), which must not share a JVM with the suite's shared App. {@code -Dbenchmark.heldout.set=segunda}
 * runs the second held-out set instead ({@code heldout/segunda}, {@code heldout2.jsonl}; written before the compiler
 * changes that followed the first set's measurement).
 */
@EnabledIfSystemProperty(named = "benchmark.heldout", matches = "true")
class HeldoutEvalTest {

  static final boolean SECOND = "segunda".equals(System.getProperty("benchmark.heldout.set"));
  static final Path FILE = Path.of("src/test/resources/benchmark/" + (SECOND ? "heldout2.jsonl" : "heldout.jsonl"));
  static final Path FILES = Path.of("src/test/resources/heldout" + (SECOND ? "/segunda" : ""));
  /** Wrong answers measured when the held-out set was written (all from the compiler's grammar); lower it as they go. */
  static final int KNOWN_WRONG = 0;

  @Test
  void should_state_no_new_wrong_number_when_the_local_agent_answers_questions_on_unseen_files() throws Exception {
    try (LocalAppFixture f = new LocalAppFixture(FILES)) {
      List<BenchmarkItem> items = BenchmarkFile.read(FILE);
      Evaluation eval = new Evaluation(f.app.agent(), "analista@datagent.local");
      eval.warmUp("¿Qué tablas hay?");
      EvalReport report = new EvalReport(eval.run(items, r -> {}));
      report.write(Path.of("target", "eval", SECOND ? "heldout2-e2e.json" : "heldout-e2e.json"), FILE.toString());
      System.out.println("Benchmark held-out (" + items.size() + " preguntas):\n" + report.table());
      String wrong = report.results().stream().filter(r -> r.outcome() == Outcome.WRONG)
          .map(r -> r.item().id() + " «" + r.item().question() + "» → " + r.answer().replaceAll("\\s+", " "))
          .collect(Collectors.joining("\n"));
      System.out.println("Respuestas con una cifra errónea (" + report.wrong() + "):\n" + wrong);
      assertTrue(report.wrong() <= KNOWN_WRONG, report.wrong() + " answers state a wrong number (known: " + KNOWN_WRONG
          + "):\n" + wrong);
    }
  }
}
