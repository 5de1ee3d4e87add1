package io.datagent.agent.extractive;

import io.datagent.text.Folding;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.search.Terms;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple aggregate the question asks for in so many words ("máximo", "mínimo", "promedio", "total" of a numeric
 * column the question names): computed by the database with a SQL shown to the user, never by the agent.
 */
record AggregateIntent(String function, String label, ColumnInfo column) {

  private static final Pattern WORD = Pattern.compile("\\b(maxim[oa]s?|mayor|pico|minim[oa]s?|menor|promedio|media|"
      + "total|suma|sumatoria)\\b");

  static Optional<AggregateIntent> detect(String question, Set<String> terms, TableDescription d) {
    Matcher m = WORD.matcher(Folding.fold(question));
    if (!m.find()) {
      return Optional.empty();
    }
    String w = m.group(1);
    String[] fn = w.startsWith("maxim") || w.equals("mayor") || w.equals("pico") ? new String[] {"max", "máximo"}
        : w.startsWith("minim") || w.equals("menor") ? new String[] {"min", "mínimo"}
        : w.equals("promedio") || w.equals("media") ? new String[] {"avg", "promedio"}
        : new String[] {"sum", "total"};
    for (ColumnInfo c : numeric(d)) {
      String name = Folding.fold(c.name());
      Set<String> comment = Terms.of(c.comment());
      if (terms.stream().anyMatch(t -> !t.equals("total") && (name.contains(t) || comment.contains(t)))) {
        return Optional.of(new AggregateIntent(fn[0], fn[1], c));
      }
    }
    return Optional.empty();
  }

  String sql(TableDescription d, Optional<String> where) {
    String alias = label.equals("máximo") ? "maximo" : label.equals("mínimo") ? "minimo" : label;
    return "SELECT " + function + "(`" + column.name() + "`) AS " + alias + "_" + column.name() + ", count(*) AS filas FROM "
        + d.table().qualified() + where.map(w -> " WHERE " + w).orElse("");
  }

  private static List<ColumnInfo> numeric(TableDescription d) {
    return d.columns().stream().filter(c -> !c.lineage()).filter(c -> {
      String t = c.type().toUpperCase(Locale.ROOT);
      return t.startsWith("DECIMAL") || t.startsWith("BIGINT") || t.startsWith("INT") || t.startsWith("DOUBLE")
          || t.startsWith("FLOAT") || t.startsWith("LONG") || t.startsWith("SMALLINT");
    }).toList();
  }
}
