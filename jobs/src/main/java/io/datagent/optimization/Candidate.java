package io.datagent.optimization;

import io.datagent.retrieval.lucene.LuceneRetriever;
import java.util.Objects;

/**
 * One configuration of the agent to evaluate: a system prompt (the LLM agent) or a retrieval tuning (the agent without
 * an LLM, which has no prompt). Exactly one of {@code prompt} and {@code tuning} is set.
 *
 * @param label  short name for logs and the intervention record ({@code actual}, {@code few-shot-6}, {@code rrf-20}…)
 * @param origin how it was built ({@code current}, {@code few-shot}, {@code rewrite}, {@code tuning})
 */
public record Candidate(String label, String origin, String prompt, LuceneRetriever.Tuning tuning) {

  public Candidate {
    Objects.requireNonNull(label, "label");
    if ((prompt == null) == (tuning == null)) {
      throw new IllegalArgumentException("a candidate has either a prompt or a retrieval tuning: " + label);
    }
  }

  public static Candidate prompt(String label, String origin, String text) {
    return new Candidate(label, origin, text, null);
  }

  public static Candidate tuning(String label, String origin, LuceneRetriever.Tuning tuning) {
    return new Candidate(label, origin, null, tuning);
  }

  public boolean isPrompt() {
    return prompt != null;
  }
}
