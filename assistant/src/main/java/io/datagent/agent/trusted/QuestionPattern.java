package io.datagent.agent.trusted;

import io.datagent.text.Folding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * One question pattern ({@code "potencia instalada en {region}"}) matched against a question: words are compared
 * folded ({@link Folding}), fixed words tolerate a typo (one edit from 4 letters, two from 8), a parameter takes one
 * to {@value #MAX_PARAM_WORDS} words of the question (as typed), and only courtesy words ("¿cuál es la…?", "dime")
 * may stand outside the matched span.
 */
final class QuestionPattern {

  static final int MAX_PARAM_WORDS = 5;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,/-][\\p{L}\\p{N}]+)*");
  private static final LevenshteinDistance EDITS = new LevenshteinDistance(2);
  /** Words a question may add around a pattern without changing what it asks. */
  static final Set<String> COURTESY = Set.of("cual", "cuales", "es", "son", "fue", "era", "la", "el", "los", "las",
      "dime", "decime", "dame", "muestrame", "mostrame", "me", "por", "favor", "quiero", "saber", "ver", "podrias",
      "puedes", "hola", "a", "y");

  /** A pattern word: fixed (folded) or a parameter's name. */
  private record Part(String word, String param) {}

  /** A word of the question: folded for comparing, with where it is in the original text. */
  private record Word(String folded, int start, int end) {}

  /** The parameter values found (as typed) and how many fixed words matched with a typo. */
  record Match(Map<String, String> values, int fixedWords, int typos) {}

  private final List<Part> parts = new ArrayList<>();

  QuestionPattern(String pattern) {
    Matcher m = TrustedQuery.PATTERN_PARAM.matcher(pattern);
    int at = 0;
    while (m.find()) {
      words(pattern.substring(at, m.start())).forEach(w -> parts.add(new Part(w.folded(), null)));
      parts.add(new Part(null, m.group(1)));
      at = m.end();
    }
    words(pattern.substring(at)).forEach(w -> parts.add(new Part(w.folded(), null)));
  }

  Optional<Match> match(String question) {
    List<Word> q = words(question);
    for (int start = 0; start <= q.size(); start++) {
      Map<String, String> values = new LinkedHashMap<>();
      int[] typos = {0};
      if (match(0, start, q, question, values, typos)) {
        int fixed = (int) parts.stream().filter(p -> p.param() == null).count();
        return Optional.of(new Match(values, fixed, typos[0]));
      }
      if (start < q.size() && !COURTESY.contains(q.get(start).folded())) {
        break;
      }
    }
    return Optional.empty();
  }

  private boolean match(int pi, int qi, List<Word> q, String text, Map<String, String> values, int[] typos) {
    if (pi == parts.size()) {
      return q.subList(qi, q.size()).stream().allMatch(w -> COURTESY.contains(w.folded()));
    }
    Part p = parts.get(pi);
    if (p.param() == null) {
      if (qi >= q.size()) {
        return false;
      }
      int d = distance(p.word(), q.get(qi).folded());
      if (d < 0) {
        return false;
      }
      typos[0] += d;
      if (match(pi + 1, qi + 1, q, text, values, typos)) {
        return true;
      }
      typos[0] -= d;
      return false;
    }
    for (int n = 1; n <= MAX_PARAM_WORDS && qi + n <= q.size(); n++) {
      values.put(p.param(), text.substring(q.get(qi).start(), q.get(qi + n - 1).end()));
      if (match(pi + 1, qi + n, q, text, values, typos)) {
        return true;
      }
    }
    values.remove(p.param());
    return false;
  }

  /** Edits between a fixed word and a question word, or -1 when too many for its length. */
  static int distance(String fixed, String word) {
    if (fixed.equals(word)) {
      return 0;
    }
    int allowed = fixed.length() >= 8 ? 2 : fixed.length() >= 4 ? 1 : 0;
    if (allowed == 0 || fixed.chars().anyMatch(Character::isDigit)) {
      return -1;
    }
    int d = EDITS.apply(fixed, word);
    return d >= 0 && d <= allowed ? d : -1;
  }

  private static List<Word> words(String text) {
    List<Word> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      out.add(new Word(Folding.fold(m.group()), m.start(), m.end()));
    }
    return out;
  }
}
