package io.datagent.ingestion.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads the table of one data sheet: titles, header, data block, total row dropped, notes and column footnotes.
 * A sheet without a header or without at least one data row gives no table.
 */
final class SheetTableReader {

  private SheetTableReader() {}

  static Optional<SheetTable> read(Sheet sheet) {
    List<List<String>> grid = SheetGrid.rows(sheet);
    GridLayout.Layout layout = GridLayout.detect(grid.subList(0, Math.min(SheetGrid.LAYOUT_ROWS, grid.size())));
    if (!layout.hasHeader()) {
      return Optional.empty();
    }
    int header = layout.headerIndex();
    List<String> headerCells = grid.get(header);
    List<List<String>> below = grid.subList(header + 1, grid.size());
    int end = TrailerDetector.dataEnd(below, headerCells.size());
    List<SourceRow> rows = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      if (!Cells.isBlank(below.get(i))) {
        rows.add(new SourceRow(header + 2L + i, padded(below.get(i), headerCells.size())));
      }
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<String> notes = notes(sheet, header + 1 + end, grid.size());
    Map<String, String> notesByMarker = notesByMarker(notes);
    List<String> headers = new ArrayList<>();
    Map<Integer, String> columnNotes = new HashMap<>();
    Row headerRow = sheet.getRow(header);
    for (int c = 0; c < headerCells.size(); c++) {
      Footnotes.Split split = splitHeader(headerCells.get(c), headerRow.getCell(c), notesByMarker);
      headers.add(split.text().replaceAll("[\\s\\u00A0]+", " ").strip());
      if (split.marker() != null && notesByMarker.containsKey(Footnotes.key(split.marker()))) {
        columnNotes.put(c, notesByMarker.get(Footnotes.key(split.marker())));
      }
    }
    List<List<String>> titleRows = new ArrayList<>();
    for (int i = 0; i < header; i++) {
      titleRows.add(SheetGrid.row(sheet, i, CellText::display));
    }
    return Optional.of(new SheetTable(sheet.getSheetName(), GridLayout.titleLines(titleRows), headers, columnNotes,
        notes, rows, header + 1L));
  }

  /** Lines below the data block with some letter in them, except total rows (the unlabelled sum row has none). */
  private static List<String> notes(Sheet sheet, int from, int to) {
    List<String> notes = new ArrayList<>();
    for (int i = from; i < to; i++) {
      List<String> row = SheetGrid.row(sheet, i, CellText::display);
      String line = Cells.joined(row);
      if (line.codePoints().anyMatch(Character::isLetter) && !TrailerDetector.isTotalRow(row)) {
        notes.add(line);
      }
    }
    return notes;
  }

  private static Map<String, String> notesByMarker(List<String> notes) {
    Map<String, String> byMarker = new HashMap<>();
    for (String note : notes) {
      Footnotes.parseNote(note).ifPresent(n -> byMarker.putIfAbsent(Footnotes.key(n.marker()), n.text()));
    }
    return byMarker;
  }

  /** A textual marker ({@code /1}, {@code (1)}, {@code *}), else bare superscript digits that a note points back to. */
  private static Footnotes.Split splitHeader(String text, Cell cell, Map<String, String> notesByMarker) {
    Footnotes.Split split = Footnotes.splitMarker(text);
    int superscript = CellText.trailingSuperscriptLength(cell);
    if (split.marker() == null && superscript > 0 && superscript <= 2) {
      String trimmed = text.stripTrailing();
      String marker = trimmed.substring(trimmed.length() - superscript);
      if (marker.chars().allMatch(Character::isDigit) && notesByMarker.containsKey(marker)) {
        return new Footnotes.Split(trimmed.substring(0, trimmed.length() - superscript).trim(), marker);
      }
    }
    return split;
  }

  private static List<String> padded(List<String> cells, int width) {
    List<String> row = new ArrayList<>(cells);
    while (row.size() < width) {
      row.add("");
    }
    return row;
  }
}
