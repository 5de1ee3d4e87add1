package io.datagent.ingestion;

import io.datagent.ingestion.csv.CsvLayout;
import io.datagent.ingestion.sheet.SourceRow;
import java.util.List;
import java.util.Map;

/**
 * One table-shaped piece of a source file: a delimited text file, or one data sheet of a workbook.
 *
 * @param index       position in the run (rows carry it through Spark)
 * @param file        the file it comes from
 * @param sha256      content hash of the file
 * @param sheet       sheet name, or null for text files
 * @param table       target table name
 * @param headers     original header texts (footnote markers removed)
 * @param columns     table column names for {@code headers}, normalised and unique
 * @param descriptions column name to the description the source gives for it (dictionary or footnote)
 * @param tableComment title and note lines that describe the table, or null
 * @param csv         how to parse a text file, or null for a sheet
 * @param sheetRows   the data rows of a sheet (read on the driver), or null for a text file
 * @param warnings    problems that do not stop the load (a malformed companion dictionary...), in Spanish, each
 *                    naming its file and line; a unit with warnings loads as PARTIAL
 */
public record SourceUnit(
    int index,
    SourceFile file,
    String sha256,
    String sheet,
    String table,
    List<String> headers,
    List<String> columns,
    Map<String, String> descriptions,
    String tableComment,
    CsvLayout csv,
    List<SourceRow> sheetRows,
    List<String> warnings) {

  public SourceUnit withWarnings(List<String> more) {
    List<String> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new SourceUnit(index, file, sha256, sheet, table, headers, columns, descriptions, tableComment, csv, sheetRows,
        List.copyOf(all));
  }

  public boolean spreadsheet() {
    return csv == null;
  }

  public String displayName() {
    return sheet == null ? file.relative() : file.relative() + " [hoja " + sheet + "]";
  }
}
