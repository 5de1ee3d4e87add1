package io.datagent.optimization;

import io.datagent.agent.semantic.CompilerTuning;
import io.datagent.retrieval.lucene.LuceneRetriever;
import java.util.Objects;

/**
 * One configuration of the agent to evaluate: a system prompt (the LLM agent), or a retrieval tuning with a question
 * compiler tuning (the agent without an LLM, which has no prompt). Exactly one of {@code prompt} and {@code tuning}
 * is set; {@code compiler} is set with {@code tuning} ({@link CompilerTuning#DEFAULT} when not given).
 *
 * @param label  short name for logs and the intervention record ({@code actual}, {@code few-shot-6}, {@code rrf-20}…)
 * @param origin how it was built ({@code current}, {@code few-shot}, {@code rewrite}, {@code tuning}, {@code sinonimos},
 *               {@code umbrales})
 */
public record Candidate(String label, String origin, String prompt, LuceneRetriever.Tuning tuning, CompilerTuning compiler) {

  public Candidate {
    Objects.requireNonNull(label, "label");
    if ((prompt == null) == (tuning == null)) {
      throw new IllegalArgumentException("a candidate has either a prompt or a retrieval tuning: " + label);
    }
    compiler = tuning == null ? null : compiler == null ? CompilerTuning.DEFAULT : compiler;
  }

  public static Candidate prompt(String label, String origin, String text) {
    return new Candidate(label, origin, text, null, null);
  }

  public static Candidate tuning(String label, String origin, LuceneRetriever.Tuning tuning) {
    return new Candidate(label, origin, null, tuning, CompilerTuning.DEFAULT);
  }

  public static Candidate tuning(String label, String origin, LuceneRetriever.Tuning tuning, CompilerTuning compiler) {
    return new Candidate(label, origin, null, tuning, compiler);
  }

  /** This (no-LLM) candidate with another compiler tuning. */
  public Candidate withCompiler(String label, String origin, CompilerTuning c) {
    return new Candidate(label, origin, null, tuning, c);
  }

  public boolean isPrompt() {
    return prompt != null;
  }
}
