package io.datagent.agent.semantic;

import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a SQL statement uses of one table's semantic model, as mentions without a place in a question ({@link SynonymLearner}). */
final class SqlTargets {

  private SqlTargets() {}

  /** What the SQL uses: its measures' columns, the dimension values it compares with, the text columns it groups by. */
  static List<Mention> used(String sql, ModelIndex index) {
    List<Mention> out = new ArrayList<>();
    if (sql == null) {
      return out;
    }
    for (Measure m : index.model().measures()) {
      if (!m.rowCount() && references(sql, m.column())) {
        out.add(new Mention(Mention.Kind.MEASURE, m, null, null, -1, -1, 0, true));
      }
    }
    String folded = sql.toLowerCase(Locale.ROOT);
    for (Dimension d : index.model().dimensions()) {
      if (d.temporal() || !references(sql, d.column())) {
        continue;
      }
      List<String> compared = d.values().stream()
          .filter(v -> folded.contains("'" + v.strip().toLowerCase(Locale.ROOT).replace("'", "''") + "'")).toList();
      if (!compared.isEmpty()) {
        compared.forEach(v -> out.add(new Mention(Mention.Kind.VALUE, null, d, v, -1, -1, 0, true)));
      } else if (Pattern.compile("group\\s+by[^;]*" + identifier(d.column()), Pattern.CASE_INSENSITIVE).matcher(sql).find()) {
        out.add(new Mention(Mention.Kind.DIMENSION, null, d, null, -1, -1, 0, true));
      }
    }
    return out;
  }

  static boolean references(String sql, String name) {
    return name != null && Pattern.compile(identifier(name), Pattern.CASE_INSENSITIVE).matcher(sql).find();
  }

  private static String identifier(String name) {
    return "(?<![\\w])`?" + Pattern.quote(name) + "`?(?![\\w])";
  }
}
