package io.datagent.optimization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Instruction rewrites proposed by an LLM from the cases the current prompt got wrong on the tuning split (as DSPy's
 * instruction proposers do), at most {@code budget} calls, each shown a different batch of failures.
 */
public final class InstructionRewrites implements CandidateSource {

  /** Asks a model for a rewritten system prompt; throws when the model fails (the loop then promotes nothing). */
  public interface Rewriter {
    String rewrite(String currentPrompt, List<OptimizationItem> failures);
  }

  private final Rewriter rewriter;
  private final int budget;
  private final int batch;

  public InstructionRewrites(Rewriter rewriter, int budget, int batch) {
    this.rewriter = rewriter;
    this.budget = budget;
    this.batch = Math.max(1, batch);
  }

  @Override
  public List<Candidate> propose(Candidate current, List<OptimizationItem> tuning, KindScores scores) {
    if (!current.isPrompt() || scores.failed().isEmpty() || budget <= 0) {
      return List.of();
    }
    Map<String, OptimizationItem> byId = tuning.stream().collect(Collectors.toMap(OptimizationItem::id, Function.identity()));
    List<OptimizationItem> failures = scores.failed().stream().map(byId::get).filter(i -> i != null).toList();
    List<Candidate> out = new ArrayList<>();
    for (int call = 0; call < budget && call * batch < failures.size(); call++) {
      List<OptimizationItem> shown = failures.subList(call * batch, Math.min(failures.size(), (call + 1) * batch));
      String text = rewriter.rewrite(current.prompt(), shown);
      if (text != null && !text.isBlank() && !text.strip().equals(current.prompt().strip())) {
        out.add(Candidate.prompt("reescritura-" + (call + 1), "rewrite", text.strip()));
      }
    }
    return out;
  }
}
