package io.datagent.agent.semantic;

import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a {@link ColumnQuestion} from the semantic models of the candidate tables, with no SQL but the catalog's
 * column description: finds the column the question names in every table (accent-, case- and typo-tolerant, as the
 * compiler does), says so when it names columns of several tables equally well, and otherwise writes the column's
 * card ({@link ColumnCard}). A question that names no column but the subject of one table ("el gas entregado")
 * gets the table's own description. A question that also names a value of another column is a lookup, not a
 * question about meaning: it is left to the compiler.
 */
final class ColumnAnswer {

  /** One table's reading: the column named (or null), the code value named (or null), the table's topic words hit. */
  private record Reading(ModelIndex index, Mention column, Mention code, int topic, List<String> leftover, boolean lookup) {
    double strength() {
      return column == null ? 0 : column.score() + (column.full() ? 10 : 0);
    }
  }

  private ColumnAnswer() {}

  /** The answer text, or empty when the question is not about a column or table the models know. */
  static Optional<String> answer(String question, List<ModelIndex> indexes, TableCatalog catalog) {
    Optional<ColumnQuestion> read = ColumnQuestion.read(question, stem -> indexes.stream().anyMatch(i -> i.names(stem)));
    if (read.isEmpty() || indexes.isEmpty()) {
      return Optional.empty();
    }
    ColumnQuestion q = read.get();
    List<Reading> readings = new ArrayList<>();
    for (ModelIndex index : indexes) {
      readings.add(reading(q, index));
    }
    Comparator<Reading> order = Comparator.comparingDouble(Reading::strength).thenComparingInt(Reading::topic);
    readings.sort(order.reversed());
    Reading best = readings.get(0);
    if (best.lookup()) {
      return Optional.empty(); // names a value to filter by: a lookup for the compiler
    }
    if (best.column() == null) {
      if (best.topic() == 0 || q.explicitColumn() || readings.size() > 1 && readings.get(1).topic() == best.topic()) {
        return q.explicitColumn() ? Optional.of(ColumnCard.notFound(best.leftover(), indexes)) : Optional.empty();
      }
      return Optional.of(ColumnCard.table(q, best.index()));
    }
    if (!best.column().full() && !best.leftover().isEmpty()) {
      return Optional.empty(); // part of a name and words nothing explains: not sure enough to describe anything
    }
    List<Reading> tied = readings.stream().filter(r -> r.column() != null && r.strength() == best.strength()
        && r.topic() == best.topic()).toList();
    if (tied.size() > 1) {
      return Optional.of(ColumnCard.ambiguous(tied.stream().map(r -> new ColumnCard.Candidate(r.index(), r.column())).toList()));
    }
    ColumnInfo info = column(catalog, best.index().model().source(), best.column());
    return Optional.of(ColumnCard.column(q, best.index(), best.column(), best.code(), info));
  }

  /** The best column mention of one table; a lookup when the question names a value to filter by. */
  private static Reading reading(ColumnQuestion q, ModelIndex index) {
    List<Mention> found = MentionFinder.find(index, q.tokens(), Set.of());
    Mention column = null;
    List<Mention> values = new ArrayList<>();
    for (Mention m : found) {
      if (m.kind() == Mention.Kind.VALUE) {
        values.add(m);
      } else if (!(m.measure() != null && m.measure().rowCount()) && (m.full() || !onlyIntent(q, m))
          && (column == null || better(m, column))) {
        column = m;
      }
    }
    Mention code = null;
    boolean lookup = false;
    for (Mention v : values) {
      if (column != null && v.overlaps(column)) {
        continue;
      }
      boolean asksCode = q.asked() == ColumnQuestion.Asked.CODE || q.asked() == ColumnQuestion.Asked.MEANING;
      if (!asksCode || code != null && code.dimension() != v.dimension()
          || column != null && column.dimension() != v.dimension()) {
        lookup = true;
      } else {
        code = v;
      }
    }
    if (code != null && column == null) {
      column = new Mention(Mention.Kind.DIMENSION, null, code.dimension(), null, code.start(), code.end(), code.score(), code.full());
    }
    int topic = 0;
    List<String> leftover = new ArrayList<>();
    for (Token t : q.tokens()) {
      boolean covered = column != null && t.index() >= column.start() && t.index() <= column.end()
          || code != null && t.index() >= code.start() && t.index() <= code.end();
      if (covered || q.intentWords().contains(t.index()) || Text.STOP.contains(t.folded())
          || !Character.isLetter(t.folded().charAt(0))) {
        continue;
      }
      if (index.topic(t.stem())) {
        topic++;
      } else if (t.folded().length() > 2) {
        leftover.add(t.raw());
      }
    }
    return new Reading(index, column, code, topic, leftover, lookup);
  }

  private static boolean better(Mention a, Mention b) {
    return a.full() && !b.full() || a.full() == b.full() && a.score() > b.score();
  }

  private static boolean onlyIntent(ColumnQuestion q, Mention m) {
    for (int i = m.start(); i <= m.end(); i++) {
      if (!q.intentWords().contains(i) && !Text.STOP.contains(q.tokens().get(i).folded())) {
        return false;
      }
    }
    return true;
  }

  /** The catalog's column (type, sample values), or null when the catalog cannot say. */
  private static ColumnInfo column(TableCatalog catalog, String table, Mention m) {
    String name = m.measure() != null ? m.measure().column() : m.dimension().column();
    try {
      Optional<TableDescription> d = catalog.describe(table);
      return d.flatMap(t -> t.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()).orElse(null);
    } catch (RuntimeException e) {
      return null; // the card says what the model knows
    }
  }
}
