package io.datagent.ingestion.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the header row of a grid of cell texts, below any title rows; shared by the Excel and the CSV readers.
 *
 * <p>The header is the first row that (1) has at least 2 non-empty cells, or 1 when no row below has more than one
 * (single-column files); (2) has more non-numeric than numeric non-empty cells ({@code 2020}, {@code 1.234,5},
 * {@code 01/05/2020} count as numeric); (3) has at least 60 % as many non-empty cells as the widest row below it in
 * the grid. Title rows (typically one cell) fail (3) because the header itself is below them. Years ({@code 2019})
 * count as text in (2): wide tables name their columns by year.
 *
 * <p>NOTE: the grid given to {@link #detect} should be the first ~50 rows; a header further down is not found. A
 * layout is always returned: callers decide what "no header" ({@link Layout#hasHeader()}) or "header only"
 * ({@link #isHeaderOnly}) means for them (usually a {@code SourceFormatException}).
 */
public final class GridLayout {

  private static final double MIN_WIDTH_SHARE = 0.6;
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");

  /**
   * Where the header is.
   *
   * @param headerIndex 0-based index of the header row in the grid given to {@link #detect}; -1 when every row is blank
   * @param titleLines  the rows above the header that carry text, each row's cells joined by a space
   */
  public record Layout(int headerIndex, List<String> titleLines) {

    public Layout {
      titleLines = List.copyOf(titleLines);
    }

    public boolean hasHeader() {
      return headerIndex >= 0;
    }
  }

  private GridLayout() {}

  /** Detects the header row and the title lines above it in the first rows of a file or sheet. */
  public static Layout detect(List<List<String>> firstRows) {
    int firstNonBlank = -1;
    for (int i = 0; i < firstRows.size(); i++) {
      List<String> row = firstRows.get(i);
      if (Cells.isBlank(row)) {
        continue;
      }
      firstNonBlank = firstNonBlank < 0 ? i : firstNonBlank;
      if (isHeader(row, widestBelow(firstRows, i))) {
        return new Layout(i, titleLines(firstRows.subList(0, i)));
      }
    }
    // No row looks like a header (e.g. numbers only): the first non-blank row is the best guess.
    return firstNonBlank < 0
        ? new Layout(-1, List.of())
        : new Layout(firstNonBlank, titleLines(firstRows.subList(0, firstNonBlank)));
  }

  /** Whether no non-blank row follows the header in the grid: a file with a header and no data. */
  public static boolean isHeaderOnly(List<List<String>> rows, Layout layout) {
    return layout.hasHeader()
        && rows.subList(layout.headerIndex() + 1, rows.size()).stream().allMatch(Cells::isBlank);
  }

  /** The rows above a header as title lines: non-empty cells joined by a space; rows without letters or digits dropped. */
  public static List<String> titleLines(List<List<String>> rowsAboveHeader) {
    List<String> lines = new ArrayList<>();
    for (List<String> row : rowsAboveHeader) {
      String line = Cells.joined(row);
      if (Cells.hasWordCharacter(line)) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static boolean isHeader(List<String> row, int widestBelow) {
    int nonEmpty = Cells.nonEmptyCount(row);
    long numeric = row.stream().filter(c -> !Cells.isBlank(c) && Cells.isNumericLike(c) && !isYear(c)).count();
    boolean enoughCells = nonEmpty >= 2 || widestBelow <= 1;
    return enoughCells && numeric * 2 < nonEmpty && nonEmpty >= MIN_WIDTH_SHARE * widestBelow;
  }

  // Wide tables name columns by year (Provincia | 2019 | 2020): a year is a header word, not a number, here.
  private static boolean isYear(String cell) {
    return YEAR.matcher(cell.trim()).matches();
  }

  private static int widestBelow(List<List<String>> rows, int index) {
    int widest = 0;
    for (int i = index + 1; i < rows.size(); i++) {
      widest = Math.max(widest, Cells.nonEmptyCount(rows.get(i)));
    }
    return widest;
  }
}
