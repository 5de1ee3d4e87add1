package io.datagent.ingestion.sheet;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * Turns one POI cell into the text the raw layer keeps.
 *
 * <p>Strings as written (rich-text runs concatenated); date-formatted numbers as {@code yyyy-MM-dd}, or
 * {@code yyyy-MM-dd HH:mm:ss} with a time part, or {@code HH:mm:ss} for a time without a date (serial below 1); other
 * numbers in plain decimal without exponent or {@code .0}; booleans {@code true}/{@code false}; formulas by their
 * cached value under the same rules; errors as Excel shows them ({@code #DIV/0!}); blank as {@code ""}.
 */
final class CellText {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private CellText() {}

  static String of(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType();
    return valueText(cell, type == CellType.FORMULA ? cell.getCachedFormulaResultType() : type);
  }

  /**
   * The cell as a person reads it: like {@link #of} but a superscript run of digits is rendered with Unicode
   * superscripts ({@code m}<sup>3</sup> → {@code m³}). For title and note lines, never for data.
   */
  static String display(Cell cell) {
    if (cell == null || cell.getCellType() != CellType.STRING) {
      return of(cell);
    }
    RichTextString rich = cell.getRichStringCellValue();
    String text = rich.getString();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= '0' && c <= '9' && isSuperscript(cell, rich, i) ? Footnotes.superscript(String.valueOf(c)) : c);
    }
    return out.toString();
  }

  /** Length of the superscript run that ends the cell's text (trailing blanks ignored); 0 when it has none. */
  static int trailingSuperscriptLength(Cell cell) {
    if (cell == null || cell.getCellType() != CellType.STRING) {
      return 0;
    }
    RichTextString rich = cell.getRichStringCellValue();
    String text = rich.getString().stripTrailing();
    int start = text.length();
    while (start > 0 && isSuperscript(cell, rich, start - 1)) {
      start--;
    }
    return text.length() - start;
  }

  private static String valueText(Cell cell, CellType type) {
    switch (type) {
      case STRING:
        return cell.getRichStringCellValue().getString();
      case NUMERIC:
        return DateUtil.isCellDateFormatted(cell) ? dateText(cell) : numberText(cell.getNumericCellValue());
      case BOOLEAN:
        return Boolean.toString(cell.getBooleanCellValue());
      case ERROR:
        return errorText(cell.getErrorCellValue());
      default:
        return "";
    }
  }

  private static String dateText(Cell cell) {
    double serial = cell.getNumericCellValue();
    LocalDateTime value = cell.getLocalDateTimeCellValue();
    if (serial >= 0 && serial < 1) {
      return value.format(TIME);
    }
    return value.toLocalTime().toSecondOfDay() == 0 ? value.format(DATE) : value.format(DATE_TIME);
  }

  static String numberText(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String errorText(byte code) {
    try {
      return FormulaError.forInt(code).getString();
    } catch (IllegalArgumentException unknown) {
      return "#ERROR!";
    }
  }

  private static boolean isSuperscript(Cell cell, RichTextString rich, int index) {
    Font font = fontAt(cell, rich, index);
    return font != null && font.getTypeOffset() == Font.SS_SUPER;
  }

  private static Font fontAt(Cell cell, RichTextString rich, int index) {
    if (rich instanceof XSSFRichTextString xssf) {
      for (int run = xssf.numFormattingRuns() - 1; run >= 0; run--) {
        if (xssf.getIndexOfFormattingRun(run) <= index) {
          XSSFFont font = xssf.getFontOfFormattingRun(run);
          return font;
        }
      }
      return null;
    }
    if (rich instanceof HSSFRichTextString hssf) {
      short fontIndex = hssf.getFontAtIndex(index);
      return fontIndex == HSSFRichTextString.NO_FONT ? null : cell.getSheet().getWorkbook().getFontAt(fontIndex);
    }
    return null;
  }
}
