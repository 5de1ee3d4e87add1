package io.datagent.agent.semantic;

import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Column identifiers a question writes as the table spells them ({@code mesas_es}, {@code NMN_CAPAC}): the words
 * split on {@code _} could also be read as part of a longer name ({@code mesas_aux_es}) or as another column whose
 * other words are grammar words ({@code mesas}), so the column the identifier names exactly wins over any reading of
 * its words ({@link MentionFinder}).
 */
final class ExactNames {

  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}\\p{N}]+(?:_[\\p{L}\\p{N}]+)+");

  private ExactNames() {}

  /** The mentions of the columns the question's identifiers spell exactly (none for a question without {@code _}). */
  static List<Mention> find(String question, List<Token> tokens, ModelIndex index, Set<Integer> skip) {
    List<Mention> out = new ArrayList<>();
    if (question == null || question.indexOf('_') < 0) {
      return out;
    }
    Matcher m = IDENTIFIER.matcher(question);
    while (m.find()) {
      String id = key(m.group());
      List<String> parts = Text.names(m.group().replace('_', ' ')).stream().map(Token::raw).toList();
      for (int i = 0; i + parts.size() <= tokens.size(); i++) {
        if (!spells(tokens, i, parts, skip)) {
          continue;
        }
        int start = i;
        int end = i + parts.size() - 1;
        double score = parts.size() + 1.0;
        for (Measure x : index.model().measures()) {
          if (!x.rowCount() && names(id, Stream.concat(Stream.of(x.column(), x.name(), x.displayName()), x.synonyms().stream()))) {
            out.add(new Mention(Mention.Kind.MEASURE, x, null, null, start, end, score, true));
          }
        }
        for (Dimension d : index.model().dimensions()) {
          if (names(id, Stream.concat(Stream.of(d.column(), d.name(), d.displayName()), d.synonyms().stream()))) {
            out.add(new Mention(Mention.Kind.DIMENSION, null, d, null, start, end, score, true));
          }
        }
      }
    }
    return out;
  }

  private static boolean spells(List<Token> tokens, int i, List<String> parts, Set<Integer> skip) {
    for (int k = 0; k < parts.size(); k++) {
      Token t = tokens.get(i + k);
      if (skip.contains(t.index()) || !t.raw().equalsIgnoreCase(parts.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean names(String id, Stream<String> names) {
    return names.anyMatch(n -> n != null && key(n).equals(id));
  }

  /** A name folded with every run of other characters as one {@code _}: "Mesas ES" and "mesas_es" are one key. */
  private static String key(String name) {
    return Text.fold(name.strip()).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }
}
