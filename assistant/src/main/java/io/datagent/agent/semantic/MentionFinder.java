package io.datagent.agent.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds what a question names: for every name in the {@link ModelIndex}, the question's content words (those not
 * already used by a time) matching it in order, accent-, case- and typo-tolerant ({@link Text#same}). Values must
 * match every word; measures and dimensions may match part of a long name ("potencia" for "Potencia instalada
 * [MW]") at a lower score. Overlapping mentions keep the best (longest, then full, then first).
 */
final class MentionFinder {

  /** Words too generic to name a measure or dimension by themselves. */
  private static final Set<String> GENERIC = Set.of("total", "cantidad", "numero", "tipo", "dia", "mes", "ano", "fecha",
      "valor", "nombre", "descripcion", "codigo", "media", "promedio", "maximo", "minimo", "n", "nro", "id", "categoria", "entre",
      "desde", "hasta", "general", "servicio");

  private MentionFinder() {}

  static List<Mention> find(ModelIndex index, List<Token> tokens, Set<Integer> skip) {
    return find(index, tokens, skip, List.of());
  }

  /**
   * As {@link #find(ModelIndex, List, Set)}, with the columns the question writes exactly ({@link ExactNames}): each
   * is kept before any other reading, and readings overlapping it are dropped.
   */
  static List<Mention> find(ModelIndex index, List<Token> tokens, Set<Integer> skip, List<Mention> exact) {
    List<Token> content = new ArrayList<>();
    for (Token t : tokens) {
      if (!skip.contains(t.index()) && !Text.STOP.contains(t.folded()) && Character.isLetterOrDigit(t.folded().charAt(0))) {
        content.add(t);
      }
    }
    List<Mention> all = new ArrayList<>();
    java.util.Map<String, boolean[]> memo = new java.util.HashMap<>();
    for (int j = 0; j < content.size(); j++) { // each question word against the model's words, typos included
      for (String w : index.wordsLike(content.get(j))) {
        memo.computeIfAbsent(w, k -> new boolean[content.size()])[j] = true;
      }
    }
    for (ModelIndex.Entry e : index.entries()) {
      match(e, content, all, memo);
    }
    all.sort(Comparator.comparingDouble(Mention::score).reversed().thenComparing(m -> !m.full())
        .thenComparing(m -> m.kind() == Mention.Kind.VALUE ? 0 : 1).thenComparingInt(Mention::start));
    List<Mention> kept = new ArrayList<>(exact);
    for (Mention m : all) {
      if (kept.stream().noneMatch(k -> k.overlaps(m) && !sameSpanOtherThing(k, m))) {
        kept.add(m);
      }
    }
    kept.sort(Comparator.comparingInt(Mention::start));
    return kept;
  }

  /** Two readings of exactly the same words are both kept (a value in two columns; resolved later). */
  private static boolean sameSpanOtherThing(Mention a, Mention b) {
    return a.start() == b.start() && a.end() == b.end() && a.score() == b.score();
  }

  private static void match(ModelIndex.Entry e, List<Token> content, List<Mention> out, java.util.Map<String, boolean[]> memo) {
    List<String> words = e.words();
    int n = words.size();
    if (!e.exactCase()) {
      boolean any = false;
      for (String w : words) {
        any |= memo.containsKey(w);
      }
      if (!any) {
        return;
      }
    }
    for (int i = 0; i < content.size(); i++) {
      // the longest run of the name's words starting at question word i (names may be matched from any word)
      for (int w = 0; w < n; w++) {
        int len = 0;
        while (i + len < content.size() && w + len < n && matches(words.get(w + len), i + len, content.get(i + len), e.exactCase(), memo)) {
          len++;
        }
        if (len == 0) {
          continue;
        }
        boolean full = len == n;
        if (!full && (e.kind() == Mention.Kind.VALUE || partialTooWeak(words.subList(w, w + len)))) {
          continue;
        }
        double score = full ? len + 0.5 : len * 0.6;
        out.add(new Mention(e.kind(), e.measure(), e.dimension(), e.value(), content.get(i).index(),
            content.get(i + len - 1).index(), score, full));
        break;
      }
    }
  }

  private static boolean partialTooWeak(List<String> matched) {
    return matched.stream().allMatch(w -> GENERIC.contains(w) || w.length() < 4);
  }

  private static boolean matches(String word, int j, Token t, boolean exactCase, java.util.Map<String, boolean[]> memo) {
    if (exactCase) {
      return t.raw().equalsIgnoreCase(word) && t.raw().equals(t.raw().toUpperCase(java.util.Locale.ROOT));
    }
    boolean[] hits = memo.get(word);
    return hits != null && hits[j];
  }
}
