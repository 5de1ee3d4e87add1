package io.datagent.eval;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the held-out files (real Spanish open data the product was never tuned on; sources in
 * {@code src/test/resources/heldout/README.md}) straight from disk with univocity and Apache POI, independently of
 * the product's ingestion. Cells are typed the way a Spanish analyst reads them: {@code 1.706} is one thousand seven
 * hundred and six, {@code 28,75} is twenty-eight point seven five; an empty cell is {@code null}.
 */
final class HeldoutFiles {

  static final String TERRAZAS = "terrazas_original.csv";
  static final String DISUELTAS = "13915_sociedades_disueltas.csv";
  static final String EMBALSES = "Embalses_enriquecido.xlsx";
  /** Decimal places of each file's measures. */
  static final Map<String, Integer> DECIMALS = Map.of("terrazas", 2, "disueltas", 0, "embalses", 3);

  private static final Pattern SPANISH_NUMBER = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");
  private static final Pattern INE_MONTH = Pattern.compile("(\\d{4})M(\\d{2})");

  private HeldoutFiles() {}

  static Map<String, SampleTable> read(Path dir) throws IOException {
    Map<String, SampleTable> t = new LinkedHashMap<>();
    DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    t.put("terrazas", csv("terrazas", dir.resolve(TERRAZAS), Map.of("Fecha_confir_ult_decreto_resol", v -> LocalDate.parse(v, dmy)),
        Set.of("Cod_Postal", "rotulo", "num_edificio", "num_terraza")));
    t.put("disueltas", csv("disueltas", dir.resolve(DISUELTAS), Map.of("Periodo", HeldoutFiles::ineMonth), Set.of()));
    t.put("embalses", xlsx("embalses", dir.resolve(EMBALSES)));
    return t;
  }

  /** {@code 2025M05} → the first day of May 2025. */
  static LocalDate ineMonth(String v) {
    var m = INE_MONTH.matcher(v);
    if (!m.matches()) {
      throw new IllegalArgumentException("not an INE month: " + v);
    }
    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
  }

  private static SampleTable csv(String name, Path file, Map<String, Function<String, LocalDate>> dates, Set<String> text)
      throws IOException {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(';');
    s.setHeaderExtractionEnabled(true);
    CsvParser p = new CsvParser(s);
    List<Map<String, Object>> rows = new ArrayList<>();
    String[] header;
    try (InputStream in = Files.newInputStream(file)) {
      List<String[]> all = p.parseAll(in, StandardCharsets.UTF_8);
      header = p.getContext().headers();
      for (String[] r : all) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          String h = header[i].replace("\uFEFF", "").strip();
          String v = i < r.length && r[i] != null ? r[i].strip() : "";
          row.put(h, v.isEmpty() ? null : dates.containsKey(h) ? dates.get(h).apply(v) : text.contains(h) ? v : spanish(v));
        }
        rows.add(row);
      }
    }
    return new SampleTable(name, file.getFileName().toString(), rows, String.join(" | ", header).replace("\uFEFF", ""));
  }

  /** A Spanish-formatted number as a Double (thousands with dots, decimals with a comma), else the text. */
  static Object spanish(String v) {
    if (!SPANISH_NUMBER.matcher(v).matches()) {
      return v;
    }
    return Double.parseDouble(v.replace(".", "").replace(',', '.'));
  }

  /** The first sheet: header in the first row, one row per dam until a row with no value. */
  static SampleTable xlsx(String name, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
      Sheet sh = wb.getSheetAt(0);
      Row h = sh.getRow(sh.getFirstRowNum());
      List<String> names = new ArrayList<>();
      for (int c = 0; c < h.getLastCellNum(); c++) {
        names.add(h.getCell(c).getStringCellValue().strip());
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = h.getRowNum() + 1; i <= sh.getLastRowNum(); i++) {
        Row r = sh.getRow(i);
        Map<String, Object> row = new LinkedHashMap<>();
        boolean any = false;
        for (int c = 0; c < names.size(); c++) {
          Object v = r == null ? null : value(r.getCell(c));
          any |= v != null;
          row.put(names.get(c), v);
        }
        if (!any) {
          break;
        }
        rows.add(row);
      }
      return new SampleTable(name, file.getFileName().toString(), rows, String.join(" | ", names));
    }
  }

  private static Object value(Cell c) {
    if (c == null) {
      return null;
    }
    CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (t) {
      case NUMERIC -> c.getNumericCellValue();
      case STRING -> c.getStringCellValue().isBlank() ? null : c.getStringCellValue().strip();
      case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
      default -> null;
    };
  }
}
