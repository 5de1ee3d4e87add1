package io.datagent.ingestion.sheet;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises the rows that end a data block: total/accumulated rows, note lines and blank rows.
 *
 * <p>Rule for callers: the data block ends after its last normal data row, i.e. at the first trailer row after which
 * no normal data row follows. A blank or total row in the middle of the data followed by more data is not an end
 * (it stays in the block; callers drop fully blank rows). {@link #dataEnd(List, int)} applies the rule and, in
 * addition, drops an <em>unlabelled</em> last row whose numbers are the column sums of the rows above it: that is how
 * the ENARGAS sample ends its 328 monthly rows, with an accumulated row labelled only by a date (2020-05).
 */
public final class TrailerDetector {

  private static final String PERIOD_WORD =
      "(de|del|al|a|hasta|y|el|anual|ano|mes|periodo|parcial|provisorio|acumulado|"
          + "ene|feb|mar|abr|may|jun|jul|ago|sep|set|oct|nov|dic|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
          + "septiembre|setiembre|octubre|noviembre|diciembre)\\.?";
  // "Total", "TOTAL GENERAL", "Acumulado 2020", "Acum. ene-may 2020"; not "Total Austral S.A." (a company).
  private static final Pattern TOTAL_LABEL = Pattern.compile(
      "(total(es)?( general(es)?)?|acumulados?|acum\\.?|suma|promedios?|media|sub-? ?total(es)?)"
          + "([\\s:.\\-/]+(\\d[\\d\\s/.:\\-]*|" + PERIOD_WORD + "))*[\\s:.]*");
  /** The first letters of TOTAL_LABEL's alternatives (keep the two together): a cheap test before folding a cell. */
  private static final String TOTAL_INITIALS = "tasmp";
  private static final Pattern NOTE_WORD = Pattern.compile(
      "(notas?|fuentes?|observaci(o|ó)n(es)?|aclaraci(o|ó)n(es)?|referencias?)\\s*\\d*\\s*[:.\\-–].*"
          + "|(elaboraci(o|ó)n|elaborado por)\\b.*",
      Pattern.DOTALL);
  private static final int MIN_WORDS_OF_FREE_NOTE = 4;

  private TrailerDetector() {}

  /** Whether the row can end a data block: blank, a total row, or a note line. */
  public static boolean isTrailer(List<String> row, int headerWidth) {
    return Cells.isBlank(row) || isTotalRow(row) || isNoteLine(row, headerWidth);
  }

  /** Whether the first non-empty cell is a total label ({@code Total}, {@code Acumulado 2020}, {@code Promedio}). */
  public static boolean isTotalRow(List<String> row) {
    for (String cell : row) {
      if (!Cells.isBlank(cell)) {
        // Checked on every row of a file: only a cell that can start a total label is folded and matched.
        return mayStartTotalLabel(cell) && TOTAL_LABEL.matcher(Cells.fold(cell)).matches();
      }
    }
    return false;
  }

  /** Whether the first letter could begin {@code total}, {@code acumulado}, {@code suma}, {@code promedio}, {@code media}. */
  private static boolean mayStartTotalLabel(String cell) {
    String t = cell.strip();
    if (t.isEmpty()) {
      return false;
    }
    char c = Character.toLowerCase(t.charAt(0));
    return TOTAL_INITIALS.indexOf(c) >= 0 || c > 0x7f; // an accented first letter is decided after folding
  }

  /**
   * Whether the row is a note line: one non-empty cell that starts with a footnote marker ({@code /1}, {@code (1)},
   * {@code (*)}, {@code *}) or a note word ({@code Nota:}, {@code FUENTE:}, {@code Elaboración propia}); in a table
   * with at least 3 columns, also any lone text cell of at least 4 words.
   */
  public static boolean isNoteLine(List<String> row, int headerWidth) {
    if (Cells.nonEmptyCount(row) != 1) {
      return false;
    }
    String text = Cells.joined(row);
    if (Footnotes.parseNote(text).isPresent() || NOTE_WORD.matcher(Cells.fold(text)).matches()) {
      return true;
    }
    return headerWidth >= 3 && !Cells.isNumericLike(text) && text.split("\\s+").length >= MIN_WORDS_OF_FREE_NOTE;
  }

  /**
   * The exclusive end of the data block in the rows below the header: one past the last normal data row, or one
   * less when that row is an unlabelled column-total row ({@link ColumnTotals#isTotalOfRowsAbove}).
   *
   * @param rowsBelowHeader the rows after the header row, up to the end of the sheet/file
   * @return an index in {@code [0, rowsBelowHeader.size()]}; 0 means no data
   */
  public static int dataEnd(List<List<String>> rowsBelowHeader, int headerWidth) {
    int last = lastDataRow(rowsBelowHeader, rowsBelowHeader.size(), headerWidth);
    if (last >= 0 && ColumnTotals.isTotalOfRowsAbove(rowsBelowHeader.subList(0, last + 1))) {
      last = lastDataRow(rowsBelowHeader, last, headerWidth);
    }
    return last + 1;
  }

  private static int lastDataRow(List<List<String>> rows, int before, int headerWidth) {
    for (int i = before - 1; i >= 0; i--) {
      if (!isTrailer(rows.get(i), headerWidth)) {
        return i;
      }
    }
    return -1;
  }
}
