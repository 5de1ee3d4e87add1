package io.datagent.optimization;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimisation loop: splits the benchmark ({@link BenchmarkSplit}), scores the current configuration on both
 * parts, asks each {@link CandidateSource} for candidates built from the tuning part, scores at most
 * {@code maxCandidates} of them on the held-out part, and promotes the best one only if {@link PromotionRule} says
 * so.
 *
 * <p>NOTE: promotion is the single last step. A run cancelled ({@link #cancel()} or {@link Thread#interrupt()},
 * checked between evaluations) or failing before it throws and changes nothing that is served; candidates are never written anywhere
 * but through {@link Promoter#promote}.
 */
public final class Optimizer {

  private static final Logger LOG = LoggerFactory.getLogger(Optimizer.class);

  /** How the loop runs: held-out share, split seed, promotion margin and the most candidates evaluated. */
  public record Settings(double heldOutShare, String seed, PromotionRule rule, int maxCandidates) {
    public Settings {
      if (maxCandidates < 1) {
        throw new IllegalArgumentException("maxCandidates debe ser al menos 1, no " + maxCandidates);
      }
    }

    public static Settings defaults() {
      return new Settings(0.4, "datagent", new PromotionRule(0.02), 8);
    }
  }

  private final CandidateEvaluator evaluator;
  private final Promoter promoter;
  private final List<CandidateSource> sources;
  private final Settings settings;
  private volatile boolean cancelled;

  public Optimizer(CandidateEvaluator evaluator, Promoter promoter, List<CandidateSource> sources, Settings settings) {
    this.evaluator = evaluator;
    this.promoter = promoter;
    this.sources = List.copyOf(sources);
    this.settings = settings;
  }

  public OptimizationReport run(List<OptimizationItem> benchmark) {
    BenchmarkSplit split = BenchmarkSplit.of(benchmark, settings.heldOutShare(), settings.seed());
    if (split.heldOut().isEmpty()) {
      throw new IllegalArgumentException("el banco de preguntas es demasiado pequeño para reservar una parte de evaluación");
    }
    Candidate current = promoter.current();
    KindScores before = score(current, split.heldOut());
    KindScores onTuning = split.tuning().isEmpty() ? before : score(current, split.tuning());
    List<Candidate> candidates = new ArrayList<>();
    for (CandidateSource s : sources) {
      checkNotCancelled();
      candidates.addAll(s.propose(current, split.tuning(), onTuning));
    }
    List<OptimizationReport.Tried> tried = new ArrayList<>();
    OptimizationReport.Tried best = null;
    Candidate bestCandidate = null;
    for (Candidate c : candidates.stream().limit(settings.maxCandidates()).toList()) {
      KindScores s = score(c, split.heldOut());
      PromotionRule.Verdict v = settings.rule().judge(before, s);
      OptimizationReport.Tried t = new OptimizationReport.Tried(c.label(), c.origin(), s, v.promote(), v.reason());
      tried.add(t);
      LOG.info("candidate {} ({}): held-out exact {} vs {}: {}", c.label(), c.origin(), s.overall(), before.overall(), v.reason());
      if (v.promote() && (best == null || s.overall() > best.scores().overall())) {
        best = t;
        bestCandidate = c;
      }
    }
    checkNotCancelled();
    if (bestCandidate == null) {
      String reason = candidates.isEmpty() ? "ningún candidato propuesto" : "ningún candidato supera al actual";
      return new OptimizationReport(split.tuning().size(), split.heldOut().size(), before, tried, null, false,
          current.label(), reason);
    }
    String served = promoter.promote(bestCandidate, before, best.scores(), best.verdict());
    return new OptimizationReport(split.tuning().size(), split.heldOut().size(), before, tried, best, true, served,
        best.verdict());
  }

  private KindScores score(Candidate c, List<OptimizationItem> items) {
    checkNotCancelled();
    return evaluator.evaluate(c, items);
  }

  /** Stops the run at its next check (between evaluations); nothing is promoted. Safe from any thread. */
  public void cancel() {
    cancelled = true;
  }

  private void checkNotCancelled() {
    if (cancelled || Thread.currentThread().isInterrupted()) {
      throw new CancellationException("optimización interrumpida: no se promovió nada");
    }
  }
}
