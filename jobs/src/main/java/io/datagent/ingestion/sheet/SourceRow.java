package io.datagent.ingestion.sheet;

import java.util.List;

/**
 * One row of a source table, every cell as text exactly as read.
 *
 * <p>{@code number} is the 1-based row number in the source file or sheet, the one a user sees in Excel or in a text
 * editor, so error messages and the quarantine can point at it. Row numbers are not contiguous when the source has
 * blank rows inside the data block: blank rows are not data and are not returned.
 *
 * @param number 1-based row number in the source
 * @param cells  cell texts, left to right; never null, blank cells are {@code ""}
 */
public record SourceRow(long number, List<String> cells) {

  public SourceRow {
    if (number < 1) {
      throw new IllegalArgumentException("row number must be 1-based: " + number);
    }
    cells = List.copyOf(cells);
  }
}
