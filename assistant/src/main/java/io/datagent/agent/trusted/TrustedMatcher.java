package io.datagent.agent.trusted;

import io.datagent.text.Folding;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the trusted query a question asks: every pattern of every query is tried; a match counts only when each
 * parameter value is valid for its type (and, for text, is one of the table's known values when the table has a
 * value index). Among several, the one with most fixed words and fewest typos wins.
 */
public final class TrustedMatcher {

  private final ValueIndex index;

  public TrustedMatcher(ValueIndex index) {
    this.index = index;
  }

  public Optional<TrustedMatch> match(String question, List<TrustedQuery> queries) {
    if (question == null || question.isBlank()) {
      return Optional.empty();
    }
    record Scored(TrustedMatch match, int fixed, int typos) {}
    return queries.stream()
        .flatMap(q -> q.patterns().stream().flatMap(p -> new QuestionPattern(p).match(question)
            .flatMap(m -> bind(q, m.values()).map(b -> new Scored(b, m.fixedWords(), m.typos()))).stream()))
        .max(Comparator.comparingInt(Scored::fixed).thenComparing(Scored::typos, Comparator.reverseOrder()))
        .map(Scored::match);
  }

  /** The query bound with {@code raw} values, or empty when one of them is not valid. */
  public Optional<TrustedMatch> bind(TrustedQuery q, Map<String, String> raw) {
    Map<String, String> used = new LinkedHashMap<>();
    Map<String, String> literals = new LinkedHashMap<>();
    for (Map.Entry<String, ParamType> p : q.params().entrySet()) {
      String value = raw.get(p.getKey());
      if (value == null) {
        return Optional.empty();
      }
      value = value.strip();
      if (p.getValue() == ParamType.TEXT) {
        Optional<String> known = known(q.table(), value);
        if (known.isEmpty()) {
          return Optional.empty();
        }
        value = known.get();
      }
      Optional<String> literal = p.getValue().literal(value);
      if (literal.isEmpty()) {
        return Optional.empty();
      }
      used.put(p.getKey(), value);
      literals.put(p.getKey(), literal.get());
    }
    return Optional.of(new TrustedMatch(q, used, SqlBinder.bind(q.sql(), literals)));
  }

  private Optional<String> known(String table, String value) {
    Optional<List<String>> values = index.values(table);
    if (values.isEmpty() || values.get().isEmpty()) {
      return Optional.of(value);
    }
    String f = Folding.fold(value);
    return values.get().stream().filter(v -> Folding.fold(v.strip()).equals(f)).findFirst().map(String::strip);
  }
}
