package io.datagent.evaluation;

import io.datagent.agent.QueryResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether an answer's result set is the expected one: the same number of rows, and for every expected column a
 * distinct column of the answer holding the same values on the same rows (extra columns and column names do not
 * matter). Rows compare in order only when {@code ranked}; numbers within {@link Tolerance} of {@code decimals},
 * text ignoring case and accents.
 */
public final class ResultSets {

  private ResultSets() {}

  public static boolean same(QueryResult actual, QueryResult expected, boolean ranked, int decimals) {
    if (actual == null || expected == null || actual.rows().size() != expected.rows().size()) {
      return false;
    }
    List<List<Object>> want = expected.rows();
    List<List<Object>> got = actual.rows();
    if (!ranked) {
      want = sorted(want, decimals);
    }
    return assign(actual, got, want, ranked, decimals, 0, new int[expected.columns().size()], new boolean[actual.columns().size()]);
  }

  /** Backtracks over column assignments: expected column {@code j} → a free actual column with the same values. */
  private static boolean assign(QueryResult actual, List<List<Object>> got, List<List<Object>> want, boolean ranked,
      int decimals, int j, int[] map, boolean[] used) {
    if (j == map.length) {
      List<List<Object>> projected = got.stream().map(r -> project(r, map)).toList();
      List<List<Object>> g = ranked ? projected : sorted(projected, decimals);
      for (int i = 0; i < want.size(); i++) {
        for (int c = 0; c < map.length; c++) {
          if (!sameCell(g.get(i).get(c), want.get(i).get(c), decimals)) {
            return false;
          }
        }
      }
      return true;
    }
    for (int c = 0; c < used.length; c++) {
      if (!used[c] && sameColumn(got, c, want, j, decimals)) {
        used[c] = true;
        map[j] = c;
        if (assign(actual, got, want, ranked, decimals, j + 1, map, used)) {
          return true;
        }
        used[c] = false;
      }
    }
    return false;
  }

  private static boolean sameColumn(List<List<Object>> got, int c, List<List<Object>> want, int j, int decimals) {
    List<String> a = got.stream().map(r -> key(r.get(c), decimals)).sorted().toList();
    List<String> b = want.stream().map(r -> key(r.get(j), decimals)).sorted().toList();
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      if (!x.equals(y) && (number(x) == null || number(y) == null || !Tolerance.matches(number(x), number(y), decimals))) {
        return false;
      }
    }
    return true;
  }

  private static Double number(String key) {
    return key.startsWith("n:") ? Double.valueOf(key.substring(2)) : null;
  }

  private static List<Object> project(List<Object> row, int[] map) {
    List<Object> out = new ArrayList<>(map.length);
    for (int c : map) {
      out.add(row.get(c));
    }
    return out;
  }

  private static List<List<Object>> sorted(List<List<Object>> rows, int decimals) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(r -> String.join("\u0001", r.stream().map(c -> key(c, decimals)).toList())));
    return out;
  }

  /** A sortable key: numbers rounded to the expected precision, text folded. */
  static String key(Object cell, int decimals) {
    Double n = ResultMatch.number(cell);
    if (n != null) {
      return "n:" + java.math.BigDecimal.valueOf(n).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
    }
    return cell == null ? "null" : "s:" + AnswerReading.fold(String.valueOf(cell));
  }

  static boolean sameCell(Object a, Object b, int decimals) {
    Double x = a instanceof Double d ? d : ResultMatch.number(a);
    Double y = b instanceof Double d ? d : ResultMatch.number(b);
    if (x != null && y != null) {
      return Tolerance.matches(x, y, decimals);
    }
    if (a == null || b == null) {
      return a == b;
    }
    return AnswerReading.fold(String.valueOf(a)).equals(AnswerReading.fold(String.valueOf(b)));
  }
}
