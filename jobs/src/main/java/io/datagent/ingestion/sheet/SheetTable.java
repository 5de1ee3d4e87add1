package io.datagent.ingestion.sheet;

import java.util.List;
import java.util.Map;

/**
 * The table found in one spreadsheet sheet: its data block plus the descriptions the sheet carries around it.
 *
 * <p>Layout of a typical business sheet: title and unit rows, the header row, the data rows, then an optional
 * total/accumulated row and note lines ({@code /1 ...}, {@code FUENTE: ...}). Only the data rows are in
 * {@link #rows()}; the total row is dropped, titles and notes are kept as text for the table comment.
 *
 * <p>NOTE: each row has at least {@code headers().size()} cells (padded with {@code ""}); a row may have more cells
 * than there are headers when the sheet has values under a column without a header. The caller decides what to do
 * with those (name them or reject the file).
 *
 * @param sheetName       the sheet's name as shown on its tab
 * @param titleLines      non-empty title/unit rows above the header, top to bottom (cells of a row joined by a space);
 *                        rich-text superscript digits are rendered as Unicode superscripts ({@code m³})
 * @param headers         header texts with footnote markers removed ({@code Buenos Aires/1} → {@code Buenos Aires}),
 *                        whitespace (line breaks too) collapsed to single spaces; a blank header is {@code ""}
 * @param columnNotes     0-based column index → text of the footnote its header marker points to
 * @param notes           the note lines below the data block, as read (total rows excluded)
 * @param rows            the data block
 * @param headerRowNumber 1-based row number of the header row
 */
public record SheetTable(
    String sheetName,
    List<String> titleLines,
    List<String> headers,
    Map<Integer, String> columnNotes,
    List<String> notes,
    List<SourceRow> rows,
    long headerRowNumber) {

  public SheetTable {
    titleLines = List.copyOf(titleLines);
    headers = List.copyOf(headers);
    columnNotes = Map.copyOf(columnNotes);
    notes = List.copyOf(notes);
    rows = List.copyOf(rows);
  }
}
