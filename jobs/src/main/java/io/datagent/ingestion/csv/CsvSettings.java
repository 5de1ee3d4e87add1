package io.datagent.ingestion.csv;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;

/** The one univocity configuration used both to sniff a file on the driver and to parse it in tasks. */
final class CsvSettings {

  /** Cells up to this size are read (100 KB cells are legitimate: long descriptions). */
  static final int MAX_CHARS_PER_CELL = 4 * 1024 * 1024;
  static final int MAX_COLUMNS = 4096;

  private CsvSettings() {}

  /**
   * What a parser limit hit means, in Spanish, or null when {@code e} is not a limit: too many columns (univocity
   * reports it as an index out of bounds of its column array) or a cell over the size limit.
   */
  static String limitMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String msg = String.valueOf(t.getMessage());
      if (msg.contains("maxCharsPerColumn") || msg.contains("exceeds the maximum number of characters")) {
        return "una celda supera " + (MAX_CHARS_PER_CELL / (1024 * 1024))
            + " MB; probablemente falta cerrar unas comillas (\") en esta fila o antes";
      }
      if (msg.contains("maxColumns") || msg.contains("exceeds the maximum number of columns")
          || (t instanceof ArrayIndexOutOfBoundsException && msg.contains(String.valueOf(MAX_COLUMNS)))) {
        return "la fila tiene más de " + MAX_COLUMNS + " columnas (el máximo que se lee); compruebe el delimitador y las"
            + " comillas, o divida la tabla";
      }
    }
    return null;
  }

  /** {@code in} with its line breaks as the parser expects them (see {@link LineEndings}). */
  static java.io.Reader input(java.io.Reader in) {
    return new LineEndings(in);
  }

  static CsvParser parser(char delimiter) {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(delimiter);
    s.getFormat().setQuote('"');
    s.getFormat().setQuoteEscape('"');
    // every input is read through LineEndings, which turns CRLF and lone CR into LF: one separator, mixed files too
    s.getFormat().setLineSeparator("\n");
    s.getFormat().setNormalizedNewline('\n');
    s.setIgnoreLeadingWhitespaces(false);
    s.setIgnoreTrailingWhitespaces(false);
    s.setIgnoreLeadingWhitespacesInQuotes(false);
    s.setIgnoreTrailingWhitespacesInQuotes(false);
    s.setKeepQuotes(false);
    s.setSkipEmptyLines(true);
    s.setNullValue("");
    s.setEmptyValue("");
    s.setMaxCharsPerColumn(MAX_CHARS_PER_CELL);
    s.setMaxColumns(MAX_COLUMNS);
    s.setHeaderExtractionEnabled(false);
    s.setReadInputOnSeparateThread(false);
    s.setCommentProcessingEnabled(false);
    s.setErrorContentLength(120);
    return new CsvParser(s);
  }
}
