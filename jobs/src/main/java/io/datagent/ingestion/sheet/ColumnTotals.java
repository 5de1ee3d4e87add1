package io.datagent.ingestion.sheet;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises an unlabelled total row by its numbers: each numeric cell equals the sum of its column above.
 *
 * <p>Rounded sources do not add up exactly (ENARGAS: 89,437,043 against a computed 89,437,044), so a cell matches
 * within 0.1 % of the sum. A column counts only when every non-blank cell above it is a plain number; the row is a
 * total when at least 80 % of its comparable cells match and at least one match is non-zero, with at least
 * {@value #MIN_ROWS_ABOVE} rows above (a 2-row block could repeat itself by chance).
 */
final class ColumnTotals {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(?:[.,]\\d+)?");
  private static final double RELATIVE_TOLERANCE = 0.001;
  private static final double MIN_MATCH_SHARE = 0.8;
  static final int MIN_ROWS_ABOVE = 3;

  private ColumnTotals() {}

  /** Whether the last of {@code rows} holds the column sums of the non-blank rows before it. */
  static boolean isTotalOfRowsAbove(List<List<String>> rows) {
    List<String> candidate = rows.get(rows.size() - 1);
    List<List<String>> above = rows.subList(0, rows.size() - 1).stream().filter(r -> !Cells.isBlank(r)).toList();
    if (above.size() < MIN_ROWS_ABOVE) {
      return false;
    }
    int comparable = 0;
    int matches = 0;
    boolean informative = false;
    for (int column = 0; column < candidate.size(); column++) {
      Double value = number(candidate.get(column));
      Double sum = value == null ? null : columnSum(above, column);
      if (sum == null) {
        continue;
      }
      comparable++;
      if (Math.abs(value - sum) <= Math.max(1e-9, RELATIVE_TOLERANCE * Math.abs(sum))) {
        matches++;
        informative |= sum != 0;
      }
    }
    return informative && matches >= MIN_MATCH_SHARE * comparable;
  }

  private static Double columnSum(List<List<String>> rows, int column) {
    double sum = 0;
    for (List<String> row : rows) {
      String cell = column < row.size() ? row.get(column) : "";
      if (Cells.isBlank(cell)) {
        continue;
      }
      Double value = number(cell);
      if (value == null) {
        return null;
      }
      sum += value;
    }
    return sum;
  }

  private static Double number(String cell) {
    if (Cells.isBlank(cell) || !PLAIN_NUMBER.matcher(cell.trim()).matches()) {
      return null;
    }
    return Double.parseDouble(cell.trim().replace(',', '.'));
  }
}
