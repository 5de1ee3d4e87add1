package io.datagent.optimization;

import io.datagent.agent.semantic.CompilerThresholds;
import io.datagent.agent.semantic.CompilerTuning;
import io.datagent.agent.semantic.LearnedSynonym;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Candidates for the agent without an LLM's question compiler: the current tuning plus the synonyms learned from
 * feedback (all of them, then each alone when there are a few, so one that hurts does not sink the others), and
 * neighbours of the current thresholds, one knob moved at a time. The retrieval tuning stays the current one.
 */
public final class CompilerCandidates implements CandidateSource {

  /** The most single-synonym candidates proposed beside the one with every learned synonym. */
  static final int MAX_SINGLE = 3;

  private final Supplier<List<LearnedSynonym>> learned;

  /** @param learned the synonyms feedback teaches now (read once per run; empty when there is no feedback) */
  public CompilerCandidates(Supplier<List<LearnedSynonym>> learned) {
    this.learned = learned;
  }

  @Override
  public List<Candidate> propose(Candidate current, List<OptimizationItem> tuning, KindScores scores) {
    if (current.isPrompt()) {
      return List.of();
    }
    CompilerTuning c = current.compiler();
    List<Candidate> out = new ArrayList<>();
    List<LearnedSynonym> fresh = fresh(c.synonyms(), learned.get());
    if (!fresh.isEmpty()) {
      out.add(current.withCompiler("sinonimos-" + fresh.size(), "sinonimos", c.withSynonyms(join(c.synonyms(), fresh))));
      if (fresh.size() > 1) {
        for (LearnedSynonym s : fresh.stream().limit(MAX_SINGLE).toList()) {
          out.add(current.withCompiler("sinonimo-" + slug(s.phrase()), "sinonimos", c.withSynonyms(join(c.synonyms(), List.of(s)))));
        }
      }
    }
    for (CompilerThresholds t : neighbours(c.thresholds())) {
      out.add(current.withCompiler(label(t), "umbrales", c.withThresholds(t)));
    }
    return out;
  }

  /** The learned synonyms the current tuning does not have yet (one per meaning). */
  public static List<LearnedSynonym> fresh(List<LearnedSynonym> have, List<LearnedSynonym> learned) {
    Set<String> known = new LinkedHashSet<>();
    have.forEach(s -> known.add(s.key()));
    Map<String, LearnedSynonym> out = new LinkedHashMap<>();
    for (LearnedSynonym s : learned) {
      if (!known.contains(s.key())) {
        out.putIfAbsent(s.key(), s);
      }
    }
    return List.copyOf(out.values());
  }

  private static List<LearnedSynonym> join(List<LearnedSynonym> a, List<LearnedSynonym> b) {
    List<LearnedSynonym> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The thresholds with one knob moved: the plan score a little lower and higher, typos allowed a letter earlier and later. */
  static List<CompilerThresholds> neighbours(CompilerThresholds t) {
    Set<CompilerThresholds> out = new LinkedHashSet<>();
    for (double f : new double[] {0.8, 1.2}) {
      double s = Math.round(t.minScore() * f * 100) / 100.0;
      if (s > 0 && s <= 2) {
        out.add(new CompilerThresholds(s, t.typoFrom(), t.twoTyposFrom(), t.abbreviationFrom(), t.maxTables()));
      }
    }
    for (int d : new int[] {-1, 1}) {
      int from = t.typoFrom() + d;
      if (from >= 3) {
        out.add(new CompilerThresholds(t.minScore(), from, Math.max(t.twoTyposFrom(), from + 1), t.abbreviationFrom(),
            t.maxTables()));
      }
    }
    out.remove(t);
    return List.copyOf(out);
  }

  static String label(CompilerThresholds t) {
    return String.format(Locale.ROOT, "umbral%.2f-errata%d-%d-abrev%d-tablas%d", t.minScore(), t.typoFrom(),
        t.twoTyposFrom(), t.abbreviationFrom(), t.maxTables());
  }

  private static String slug(String phrase) {
    String s = java.text.Normalizer.normalize(phrase.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.length() > 24 ? s.substring(0, 24) : s;
  }
}
