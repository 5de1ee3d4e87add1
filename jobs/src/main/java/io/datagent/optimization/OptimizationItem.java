package io.datagent.optimization;

/**
 * One benchmark question as the optimisation loop sees it: enough to split the benchmark, to pick few-shot examples
 * and to show the LLM a failed case. The evaluator maps it back to its own benchmark item by {@code id}.
 *
 * @param id    unique id; variants of one question are {@code <base>-p1}, {@code -t1}, {@code -e1} ({@link #base()})
 * @param kind  what the question exercises (agregacion, top_k, rechazo…): scores are kept per kind
 * @param sql   a hand-written SQL that answers it, or null (a decline, or no ground-truth SQL)
 */
public record OptimizationItem(String id, String kind, String question, String sql) {

  /** The id of the original question: a variant and its base land in the same split (no leak through paraphrases). */
  public String base() {
    return id.replaceFirst("-[a-z]\\d+$", "");
  }
}
