package io.datagent.agent.extractive;

import io.datagent.text.Folding;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.search.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds rows by the question's distinctive words (those that are not the table's or a column's name, like a plant
 * code or a province) in the table's text columns: a plain, guarded SQL the user can run again. Exact matches rank
 * first. Works with or without a retriever.
 */
final class KeywordRows {

  private KeywordRows() {}

  /** The distinctive words: question terms that name neither the table nor a column. */
  static List<String> keywords(Set<String> terms, TableDescription d) {
    String table = Folding.fold(d.table().name()).replace("_", "");
    List<String> out = new ArrayList<>();
    for (String t : terms) {
      boolean describesColumn = d.columns().stream().anyMatch(c -> Folding.fold(c.name()).replace("_", "").contains(t)
          || Terms.of(c.comment()).contains(t));
      if (!table.contains(t) && !describesColumn) {
        out.add(t);
      }
    }
    return out;
  }

  /** The WHERE condition matching any keyword in the row's text, or empty. */
  static Optional<String> condition(List<String> keywords, TableDescription d) {
    List<String> text = textColumns(d);
    if (keywords.isEmpty() || text.isEmpty()) {
      return Optional.empty();
    }
    String hay = haystack(text);
    return Optional.of("(" + String.join(" OR ", keywords.stream().map(k -> hay + " LIKE '%" + k + "%'").toList()) + ")");
  }

  /** {@code SELECT * ... WHERE <condition> ORDER BY <exact cell matches, then matched words> LIMIT n}, or empty. */
  static Optional<String> sql(List<String> keywords, TableDescription d, int limit) {
    Optional<String> where = condition(keywords, d);
    if (where.isEmpty()) {
      return Optional.empty();
    }
    String hay = haystack(textColumns(d));
    List<String> score = new ArrayList<>();
    for (String k : keywords) {
      // a whole cell equal to the keyword (e.g. a plant code) ranks above a word inside a longer text
      score.add("CASE WHEN concat(' | ', " + hay + ", ' | ') LIKE '% | " + k + " | %' THEN 2 ELSE 0 END");
      score.add("CASE WHEN " + hay + " LIKE '%" + k + "%' THEN 1 ELSE 0 END");
    }
    return Optional.of("SELECT * FROM " + d.table().qualified() + " WHERE " + where.get()
        + " ORDER BY " + String.join(" + ", score) + " DESC" + (d.hasColumn("_source_row") ? ", _source_row" : "")
        + " LIMIT " + limit);
  }

  /** The row's text columns as one lower-case string without Spanish accents, cells separated by " | ". */
  private static String haystack(List<String> columns) {
    return "translate(lower(concat_ws(' | ', " + String.join(", ", columns.stream().map(c -> "`" + c + "`").toList())
        + ")), 'áéíóúüñ', 'aeiouun')";
  }

  private static List<String> textColumns(TableDescription d) {
    List<String> out = new ArrayList<>();
    for (ColumnInfo c : d.columns()) {
      String type = c.type().toUpperCase(Locale.ROOT);
      if (!c.lineage() && (type.startsWith("STRING") || type.startsWith("VARCHAR") || type.startsWith("CHAR"))
          && c.name().matches("[A-Za-z0-9_]+")) {
        out.add(c.name());
      }
    }
    return out.size() > 12 ? out.subList(0, 12) : out;
  }
}
