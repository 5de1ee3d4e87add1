package io.datagent.ingestion.csv;

/**
 * Tells a quoted value that legitimately spans lines (a note with a line break) from a quote that was never closed
 * and swallowed the rows after it: the parser sees one record either way, but in the second case the lines inside
 * the cell are themselves records, with exactly the delimiters a row of the file has.
 *
 * <p>A swallowed stretch is reported, never loaded as one cell: the record goes to quarantine with the lines it
 * covers, so the user knows which quote to close and the rows are not silently lost.
 */
final class UnclosedQuote {

  private UnclosedQuote() {}

  /**
   * The Spanish reason why the record starting at {@code line} must not be loaded, or null when no cell of it holds
   * lines that look like rows of a {@code width}-column file delimited by {@code delimiter}.
   */
  static String problem(String[] cells, int width, char delimiter, long line) {
    if (width < 2) {
      return null;
    }
    long offset = 0; // line breaks in the cells before this one
    for (String cell : cells) {
      if (cell == null || cell.indexOf('\n') < 0) {
        continue;
      }
      String[] lines = cell.split("\n", -1);
      int rowLike = 0;
      for (int i = 1; i < lines.length; i++) {
        if (count(lines[i], delimiter) >= width - 1) {
          rowLike++;
        }
      }
      // two columns: a single note line with one delimiter is plausible text; two such lines are not
      if (rowLike >= (width == 2 ? 2 : 1)) {
        long opened = line + offset;
        int last = lines.length - 1;
        while (last > 0 && lines[last].isBlank()) {
          last--; // a quote left open to the end of the file takes the final line break too
        }
        long closed = opened + last;
        return "hay unas comillas (\") sin cerrar: la celda que empieza en la línea " + opened + " sigue hasta la línea "
            + closed + " y contiene " + rowLike + (rowLike == 1 ? " línea que parece una fila" : " líneas que parecen filas")
            + " del archivo; cierre las comillas en el archivo original y vuelva a subirlo";
      }
      offset += lines.length - 1;
    }
    return null;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
