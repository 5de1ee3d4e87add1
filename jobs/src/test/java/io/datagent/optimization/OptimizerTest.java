package io.datagent.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The loop's decisions over a benchmark of two kinds. The evaluator stands for an agent that answers a question
 * exactly when its prompt holds a rule for the question's kind ("regla:<kind>"), and unlearns a kind the prompt marks
 * "olvida:<kind>" — so which candidate should win is known without an LLM.
 */
class OptimizerTest {

  final List<OptimizationItem> benchmark = benchmark();
  final List<String> promoted = new ArrayList<>();
  Candidate served = Candidate.prompt("v1", "current", "Instrucciones. regla:agregacion");

  final Promoter promoter = new Promoter() {
    @Override
    public Candidate current() {
      return served;
    }

    @Override
    public String promote(Candidate winner, KindScores before, KindScores after, String reason) {
      promoted.add(winner.label());
      served = winner;
      return winner.label();
    }
  };

  static final CandidateEvaluator RULES = (c, items) -> {
    Map<String, Boolean> exact = new HashMap<>();
    for (OptimizationItem i : items) {
      exact.put(i.id(), c.prompt().contains("regla:" + i.kind()) && !c.prompt().contains("olvida:" + i.kind()));
    }
    return KindScores.of(items, exact);
  };

  static CandidateSource fixed(Candidate... cs) {
    return (current, tuning, scores) -> List.of(cs);
  }

  @Test
  void should_promote_the_candidate_that_learns_a_kind_when_nothing_regresses() {
    Candidate better = Candidate.prompt("mejor", "rewrite", served.prompt() + " regla:top_k");
    Candidate same = Candidate.prompt("igual", "rewrite", served.prompt() + " otra frase");

    OptimizationReport r = new Optimizer(RULES, promoter, List.of(fixed(same, better)), Optimizer.Settings.defaults())
        .run(benchmark);

    assertThat(r.promoted()).isTrue();
    assertThat(promoted).containsExactly("mejor");
    List<OptimizationItem> heldOut = BenchmarkSplit.of(benchmark, 0.4, "datagent").heldOut();
    double aggShare = heldOut.stream().filter(i -> i.kind().equals("agregacion")).count() / (double) heldOut.size();
    assertThat(r.beforeScore()).isEqualTo(aggShare).isStrictlyBetween(0.0, 1.0);
    assertThat(r.afterScore()).isEqualTo(1.0);
    assertThat(r.tried()).extracting(OptimizationReport.Tried::eligible).containsExactly(false, true);
  }

  @Test
  void should_keep_the_current_prompt_when_the_better_overall_candidate_regresses_a_kind() {
    // learns top_k but forgets agregacion: overall equal at best, and a kind regresses
    Candidate trade = Candidate.prompt("cambia", "rewrite", served.prompt() + " regla:top_k olvida:agregacion");
    Candidate worse = Candidate.prompt("peor", "rewrite", "Instrucciones sin reglas");

    OptimizationReport r = new Optimizer(RULES, promoter, List.of(fixed(trade, worse)), Optimizer.Settings.defaults())
        .run(benchmark);

    assertThat(r.promoted()).isFalse();
    assertThat(promoted).isEmpty();
    assertThat(served.label()).isEqualTo("v1");
    assertThat(r.tried()).allSatisfy(t -> assertThat(t.verdict()).contains("empeora en agregacion"));
  }

  @Test
  void should_promote_nothing_when_the_run_is_interrupted_halfway() {
    Candidate better = Candidate.prompt("mejor", "rewrite", served.prompt() + " regla:top_k");
    AtomicInteger calls = new AtomicInteger();
    CandidateEvaluator killedOnThirdCall = (c, items) -> {
      if (calls.incrementAndGet() == 3) {
        Thread.currentThread().interrupt(); // the job is cancelled while this candidate is evaluated
      }
      return RULES.evaluate(c, items);
    };

    try {
      assertThatThrownBy(() -> new Optimizer(killedOnThirdCall, promoter, List.of(fixed(better)),
          Optimizer.Settings.defaults()).run(benchmark)).isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted();
    }

    assertThat(promoted).isEmpty();
    assertThat(served.label()).isEqualTo("v1");
  }

  @Test
  void should_split_deterministically_with_variants_beside_their_base_and_every_kind_judged() {
    BenchmarkSplit a = BenchmarkSplit.of(benchmark, 0.4, "s");
    List<OptimizationItem> reversed = new ArrayList<>(benchmark);
    java.util.Collections.reverse(reversed);
    BenchmarkSplit b = BenchmarkSplit.of(reversed, 0.4, "s");

    assertThat(b.heldOut()).containsExactlyInAnyOrderElementsOf(a.heldOut());
    assertThat(a.heldOut()).extracting(OptimizationItem::kind).contains("agregacion", "top_k");
    assertThat(a.tuning()).extracting(OptimizationItem::kind).contains("agregacion", "top_k");
    for (OptimizationItem i : a.heldOut()) {
      assertThat(a.tuning()).noneMatch(t -> t.base().equals(i.base()));
    }
  }

  @Test
  void should_show_few_shot_examples_of_every_kind_from_the_tuning_split_only() {
    BenchmarkSplit split = BenchmarkSplit.of(benchmark, 0.4, "datagent");
    FewShotCandidates fewShot = new FewShotCandidates(
        List.of(new FewShotCandidates.Example("confiable", "Ventas por región", "SELECT region, sum(v) FROM t GROUP BY region", "confiable")),
        List.of(3, 100));

    List<Candidate> out = fewShot.propose(served, split.tuning(), KindScores.of(split.tuning(), Map.of()));

    assertThat(out).extracting(Candidate::label).containsExactly("few-shot-3", "few-shot-" + (1 + split.tuning().stream()
        .filter(i -> i.sql() != null && i.id().equals(i.base())).count()));
    assertThat(out.get(0).prompt()).startsWith(served.prompt()).contains("Ventas por región").contains("SELECT sum(m")
        .contains("ORDER BY m DESC");
    for (OptimizationItem held : split.heldOut()) {
      assertThat(out.get(1).prompt()).doesNotContain(held.question());
    }
  }

  static List<OptimizationItem> benchmark() {
    List<OptimizationItem> out = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      out.add(new OptimizationItem("agg-0" + i, "agregacion", "¿Cuánto suma la medida " + i + "?", "SELECT sum(m" + i + ") FROM t"));
      out.add(new OptimizationItem("agg-0" + i + "-p1", "agregacion", "Total de la medida " + i, null));
      out.add(new OptimizationItem("top-0" + i, "top_k", "Las " + i + " mayores", "SELECT * FROM t ORDER BY m DESC LIMIT " + i));
    }
    return out;
  }
}
