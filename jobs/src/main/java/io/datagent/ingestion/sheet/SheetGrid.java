package io.datagent.ingestion.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * A sheet as a dense grid of cell texts: index {@code i} is sheet row {@code i + 1}; missing rows are empty lists and
 * trailing blank cells are trimmed from every row.
 */
final class SheetGrid {

  /** Rows read to find the header (title rows plus the header plus enough data to measure widths). */
  static final int LAYOUT_ROWS = 50;

  private SheetGrid() {}

  /** Every row of the sheet with the raw-layer cell text ({@link CellText#of}). */
  static List<List<String>> rows(Sheet sheet) {
    List<List<String>> rows = new ArrayList<>();
    if (sheet.getPhysicalNumberOfRows() == 0) {
      return rows;
    }
    for (int i = 0; i <= sheet.getLastRowNum(); i++) {
      rows.add(row(sheet, i, CellText::of));
    }
    return rows;
  }

  /** One row rendered with {@code text}; trailing blank cells trimmed. */
  static List<String> row(Sheet sheet, int index, Function<Cell, String> text) {
    Row row = sheet.getRow(index);
    List<String> cells = new ArrayList<>();
    if (row == null || row.getLastCellNum() <= 0) {
      return cells;
    }
    for (int c = 0; c < row.getLastCellNum(); c++) {
      cells.add(text.apply(row.getCell(c)));
    }
    int end = cells.size();
    while (end > 0 && Cells.isBlank(cells.get(end - 1))) {
      end--;
    }
    return new ArrayList<>(cells.subList(0, end));
  }
}
