package io.datagent.ingestion.sheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads a data-dictionary sheet: one named like a dictionary ({@link DictionaryColumns#isDictionarySheetName}) whose
 * header has a column-name and a description column. Rows without a name or a description are skipped; when a
 * name repeats, the first description wins.
 */
final class DictionarySheet {

  private DictionarySheet() {}

  /** The sheet's column name → description map, or empty when the sheet is not a dictionary. */
  static Optional<Map<String, String>> read(Sheet sheet) {
    if (!DictionaryColumns.isDictionarySheetName(sheet.getSheetName())) {
      return Optional.empty();
    }
    List<List<String>> rows = SheetGrid.rows(sheet);
    GridLayout.Layout layout = GridLayout.detect(rows.subList(0, Math.min(SheetGrid.LAYOUT_ROWS, rows.size())));
    if (!layout.hasHeader()) {
      return Optional.empty();
    }
    return DictionaryColumns.find(rows.get(layout.headerIndex()))
        .map(columns -> entries(rows.subList(layout.headerIndex() + 1, rows.size()), columns));
  }

  private static Map<String, String> entries(List<List<String>> rows, DictionaryColumns columns) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (List<String> row : rows) {
      String name = cell(row, columns.name());
      String description = cell(row, columns.description());
      if (!name.isEmpty() && !description.isEmpty()) {
        entries.putIfAbsent(name, description);
      }
    }
    return entries;
  }

  private static String cell(List<String> row, int index) {
    return index < row.size() ? row.get(index).trim() : "";
  }
}
