package io.datagent.agent.semantic;

import java.util.List;
import java.util.Objects;

/**
 * What the optimisation loop tunes in the agent without an LLM's question compiler: its thresholds and the synonyms
 * learned from feedback. {@link #DEFAULT} (today's thresholds, no learned synonyms) compiles exactly as before.
 */
public record CompilerTuning(CompilerThresholds thresholds, List<LearnedSynonym> synonyms) {

  public static final CompilerTuning DEFAULT = new CompilerTuning(CompilerThresholds.DEFAULT, List.of());

  public CompilerTuning {
    Objects.requireNonNull(thresholds, "thresholds");
    synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
  }

  public CompilerTuning withThresholds(CompilerThresholds t) {
    return new CompilerTuning(t, synonyms);
  }

  public CompilerTuning withSynonyms(List<LearnedSynonym> s) {
    return new CompilerTuning(thresholds, s);
  }

  /** The learned synonyms of one table. */
  List<LearnedSynonym> of(String qualified) {
    return synonyms.stream().filter(s -> s.of(qualified)).toList();
  }
}
