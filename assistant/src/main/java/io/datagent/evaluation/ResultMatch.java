package io.datagent.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.agent.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Whether an answer's result table holds the expected number, label, ranking or series. */
final class ResultMatch {

  private ResultMatch() {}

  static boolean hasNumber(QueryResult r, double expected, int decimals, boolean share) {
    if (r == null) {
      return false;
    }
    for (List<Object> row : r.rows()) {
      for (Object cell : row) {
        Double v = number(cell);
        if (v != null && (Tolerance.matches(v, expected, decimals) || share && Tolerance.matches(v * 100, expected, decimals))) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean hasLabel(QueryResult r, String label) {
    if (r == null) {
      return false;
    }
    return r.rows().stream().flatMap(List::stream).anyMatch(c -> sameLabel(c, label));
  }

  /**
   * Ranking: some column holds the expected labels in its first rows, in order, and another the values on the same
   * rows. Series ({@code ordered} false): exactly the expected labels, each on a row with its value.
   */
  static boolean hasRows(QueryResult r, JsonNode rows, int decimals, boolean ordered) {
    if (r == null || r.rows().size() < rows.size() || !ordered && r.rows().size() != rows.size()) {
      return false;
    }
    for (int lc = 0; lc < r.columns().size(); lc++) {
      for (int vc = 0; vc < r.columns().size(); vc++) {
        if (vc != lc && matchesAll(r, rows, decimals, ordered, lc, vc)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesAll(QueryResult r, JsonNode rows, int decimals, boolean ordered, int lc, int vc) {
    List<List<Object>> left = new ArrayList<>(r.rows());
    for (int i = 0; i < rows.size(); i++) {
      String label = rows.get(i).get(0).asText();
      double value = rows.get(i).get(1).asDouble();
      List<Object> found = null;
      for (List<Object> row : ordered ? List.of(left.get(0)) : left) {
        Double v = number(row.get(vc));
        if (sameLabel(row.get(lc), label) && v != null && Tolerance.matches(v, value, decimals)) {
          found = row;
          break;
        }
      }
      if (found == null) {
        return false;
      }
      left.remove(found);
    }
    return true;
  }

  static boolean sameLabel(Object cell, String label) {
    if (cell == null) {
      return false;
    }
    String c = AnswerReading.fold(String.valueOf(cell));
    String l = AnswerReading.fold(label);
    return c.equals(l) || l.matches("\\d{4}-\\d{2}-\\d{2}") && c.startsWith(l);
  }

  static Double number(Object cell) {
    if (cell instanceof Number n) {
      return n.doubleValue();
    }
    if (cell instanceof String s) {
      try {
        return new BigDecimal(s.strip()).doubleValue();
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
