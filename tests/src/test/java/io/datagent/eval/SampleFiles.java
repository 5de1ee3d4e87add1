package io.datagent.eval;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the three energy samples straight from disk with univocity and Apache POI, independently of the product's
 * ingestion: the benchmark's expected answers are computed from these rows.
 */
final class SampleFiles {

  static final String CAMMESA = "Cammesa_res.csv";
  static final String POTENCIA = "PotenciaInstalada.csv";
  static final String GAS = "Todos_010601a-Cuadro_I_5_1a.xlsx";

  private SampleFiles() {}

  static Map<String, SampleTable> read(Path dir) throws IOException {
    Map<String, SampleTable> t = new LinkedHashMap<>();
    t.put("cammesa", csv("cammesa", dir.resolve(CAMMESA), ';', Charset.forName("ISO-8859-1"), "Fecha",
        DateTimeFormatter.ofPattern("d/M/yyyy"), Set.of("Mes/Año", "TIPO DIA", "Hábil/No Hábil")));
    t.put("potencia", csv("potencia", dir.resolve(POTENCIA), ',', StandardCharsets.UTF_8, "PERIODO",
        DateTimeFormatter.ISO_LOCAL_DATE, Set.of()));
    t.put("gas", gas(dir.resolve(GAS)));
    return t;
  }

  /** A CSV: the date column parsed with its pattern, cells that parse as numbers as Double, the rest trimmed text. */
  private static SampleTable csv(String name, Path file, char delimiter, Charset cs, String dateColumn,
      DateTimeFormatter dates, Set<String> textColumns) throws IOException {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(delimiter);
    s.setHeaderExtractionEnabled(true);
    s.setIgnoreTrailingWhitespaces(false);
    s.setIgnoreLeadingWhitespaces(false);
    CsvParser p = new CsvParser(s);
    List<Map<String, Object>> rows = new ArrayList<>();
    String[] header;
    try (InputStream in = Files.newInputStream(file)) {
      List<String[]> all = p.parseAll(in, cs);
      header = p.getContext().headers();
      for (String[] r : all) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          String h = header[i].strip();
          String v = i < r.length && r[i] != null ? r[i].strip() : "";
          row.put(h, h.equals(dateColumn) ? LocalDate.parse(v, dates) : textColumns.contains(h) ? v : numberOrText(v));
        }
        rows.add(row);
      }
    }
    return new SampleTable(name, file.getFileName().toString(), rows, String.join(" | ", header));
  }

  private static Object numberOrText(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return v;
    }
  }

  /**
   * The ENARGAS sheet in long form (Mes, Provincia, Gas). The header is the first row of several text cells; data
   * rows follow while column A holds an Excel date serial; the province columns drop their footnote mark
   * ({@code Buenos Aires/1}); the Total column is left out (it is the sum of the provinces, checked by the test);
   * a trailing row whose every value is the sum of all rows above it (to the unit: the source rounds) is the
   * accumulated total, not a month, although its first cell carries the next month's date.
   */
  static SampleTable gas(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
      Sheet sh = wb.getSheetAt(0);
      StringBuilder text = new StringBuilder();
      int headerRow = -1;
      for (Row r : sh) {
        long strings = 0;
        for (Cell c : r) {
          if (c.getCellType() == CellType.STRING && !c.getStringCellValue().isBlank()) {
            strings++;
            text.append(c.getStringCellValue().strip()).append(" | ");
          }
        }
        if (headerRow < 0 && strings >= 3) {
          headerRow = r.getRowNum();
        }
      }
      Row h = sh.getRow(headerRow);
      List<String> names = new ArrayList<>();
      for (int c = 0; c < h.getLastCellNum(); c++) {
        names.add(h.getCell(c).getStringCellValue().strip().replaceAll("/\\d+$", ""));
      }
      List<LocalDate> months = new ArrayList<>();
      List<double[]> values = new ArrayList<>();
      for (int i = headerRow + 1; i <= sh.getLastRowNum(); i++) {
        Row r = sh.getRow(i);
        Cell a = r == null ? null : r.getCell(0);
        if (a == null || a.getCellType() != CellType.NUMERIC) {
          break;
        }
        months.add(DateUtil.getLocalDateTime(a.getNumericCellValue()).toLocalDate());
        double[] v = new double[names.size()];
        for (int c = 1; c < names.size(); c++) {
          v[c] = r.getCell(c).getNumericCellValue();
        }
        values.add(v);
      }
      if (isAccumulated(values)) {
        values.remove(values.size() - 1);
        months.remove(months.size() - 1);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < months.size(); i++) {
        for (int c = 1; c < names.size(); c++) {
          if (!names.get(c).equalsIgnoreCase("Total")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Mes", months.get(i));
            row.put("Provincia", names.get(c));
            row.put("Gas", values.get(i)[c]);
            row.put("Total", values.get(i)[names.indexOf("Total")]);
            rows.add(row);
          }
        }
      }
      return new SampleTable("gas", file.getFileName().toString(), rows, text.toString());
    }
  }

  private static boolean isAccumulated(List<double[]> values) {
    if (values.size() < 2) {
      return false;
    }
    double[] last = values.get(values.size() - 1);
    for (int c = 1; c < last.length; c++) {
      double sum = 0;
      for (int i = 0; i < values.size() - 1; i++) {
        sum += values.get(i)[c];
      }
      if (Math.abs(sum - last[c]) > Math.max(1.0, 1e-6 * Math.abs(sum))) { // the source rounds its totals
        return false;
      }
    }
    return true;
  }
}
