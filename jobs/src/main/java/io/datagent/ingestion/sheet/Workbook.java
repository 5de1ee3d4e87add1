package io.datagent.ingestion.sheet;

import java.util.List;
import java.util.Map;

/**
 * What an Excel workbook holds for ingestion: its data tables and the column descriptions of its dictionary sheets.
 *
 * @param dataSheets one table per sheet with data, in tab order; never empty
 * @param dictionary original column name (as written in the dictionary sheet, trimmed) → description; empty when
 *                   the workbook has no dictionary sheet. Keys are not normalised: match them to headers with the
 *                   same normalisation used for column names.
 */
public record Workbook(List<SheetTable> dataSheets, Map<String, String> dictionary) {

  public Workbook {
    dataSheets = List.copyOf(dataSheets);
    dictionary = Map.copyOf(dictionary);
  }
}
