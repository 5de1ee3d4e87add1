package io.datagent.agent.search;

import io.datagent.text.Folding;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.retrieval.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Picks the tables a question is about, best first: tables of the retriever's hits count most, then words of the
 * question found in a table's name, comment, column names and column comments.
 *
 * <p>Only these tables' schema cards go into the prompt, which keeps it small however many tables exist.
 */
public final class TableSelector {

  private final TableCatalog catalog;

  public TableSelector(TableCatalog catalog) {
    this.catalog = catalog;
  }

  /** Up to {@code max} qualified table names with a positive score, best first. */
  public List<String> select(String question, List<Hit> hits, int max) {
    Set<String> terms = Terms.of(question);
    Map<String, Double> score = new HashMap<>();
    List<TableInfo> tables = catalog.listTables();
    Map<String, TableInfo> byName = new HashMap<>();
    for (TableInfo t : tables) {
      byName.put(t.qualified().toLowerCase(Locale.ROOT), t);
      byName.put(t.name().toLowerCase(Locale.ROOT), t);
    }
    int rank = 0;
    for (Hit h : hits) {
      TableInfo t = h.table() == null ? null : byName.get(h.table().toLowerCase(Locale.ROOT));
      if (t != null) {
        score.merge(t.qualified(), 10.0 / (1 + rank), Double::sum);
      }
      rank++;
    }
    for (TableInfo t : tables) {
      double s = lexical(terms, t);
      if (s > 0) {
        score.merge(t.qualified(), s, Double::sum);
      }
    }
    // Column-level evidence for the best candidates (names and comments only: no sample query).
    List<String> candidates = ranked(score, Math.max(max * 2, 6));
    for (String q : candidates) {
      catalog.outline(q).ifPresent(d -> score.merge(q, columns(terms, d), Double::sum));
    }
    return ranked(score, max);
  }

  private static List<String> ranked(Map<String, Double> score, int max) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(score.entrySet());
    entries.removeIf(e -> e.getValue() <= 0);
    entries.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    return entries.stream().limit(max).map(Map.Entry::getKey).toList();
  }

  static double lexical(Set<String> terms, TableInfo t) {
    String name = Folding.fold(t.name()).replace("_", "");
    Set<String> comment = Terms.of(t.comment());
    double s = 0;
    for (String term : terms) {
      if (name.contains(term)) {
        s += 3;
      }
      if (comment.contains(term)) {
        s += 1;
      }
    }
    return s;
  }

  static double columns(Set<String> terms, TableDescription d) {
    double s = 0;
    for (String term : terms) {
      for (ColumnInfo c : d.columns()) {
        if (c.lineage()) {
          continue;
        }
        if (Folding.fold(c.name()).contains(term)) {
          s += 1.5;
          break;
        }
        if (Terms.of(c.comment()).contains(term) || c.samples().stream().anyMatch(v -> Folding.fold(v).equals(term))) {
          s += 1;
          break;
        }
      }
    }
    return s;
  }
}
