package io.datagent.ingestion.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes real workbooks with POI for the reader tests. */
final class TestWorkbooks {

  /** Marks a cell value as a formula ({@code new Formula("A2*2")}). */
  record Formula(String expression) {}

  private TestWorkbooks() {}

  static Path xlsx(Path dir, String name, Consumer<Workbook> content) {
    return write(new XSSFWorkbook(), dir.resolve(name), content);
  }

  static Path xls(Path dir, String name, Consumer<Workbook> content) {
    return write(new HSSFWorkbook(), dir.resolve(name), content);
  }

  /** Sets row {@code number} (1-based, as in Excel) of the sheet: String, Number, Boolean, dates, Formula, null. */
  static void row(Sheet sheet, int number, Object... values) {
    Row row = sheet.createRow(number - 1);
    for (int c = 0; c < values.length; c++) {
      Object value = values[c];
      if (value == null) {
        continue;
      }
      Cell cell = row.createCell(c);
      if (value instanceof String text) {
        cell.setCellValue(text);
      } else if (value instanceof Number numeric) {
        cell.setCellValue(numeric.doubleValue());
      } else if (value instanceof Boolean flag) {
        cell.setCellValue(flag);
      } else if (value instanceof LocalDate date) {
        cell.setCellValue(date);
        cell.setCellStyle(style(sheet.getWorkbook(), "dd/mm/yyyy"));
      } else if (value instanceof LocalDateTime dateTime) {
        cell.setCellValue(dateTime);
        cell.setCellStyle(style(sheet.getWorkbook(), "dd/mm/yyyy hh:mm"));
      } else if (value instanceof Formula formula) {
        cell.setCellFormula(formula.expression());
      }
    }
  }

  private static CellStyle style(Workbook workbook, String format) {
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(format));
    return style;
  }

  private static Path write(Workbook workbook, Path file, Consumer<Workbook> content) {
    try (workbook; OutputStream out = Files.newOutputStream(file)) {
      content.accept(workbook);
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      workbook.write(out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
