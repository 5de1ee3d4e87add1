package io.datagent.ingestion;

import io.datagent.ingestion.csv.CsvLayout;
import io.datagent.ingestion.csv.CsvSniffer;
import io.datagent.ingestion.sheet.CompanionDictionary;
import io.datagent.ingestion.sheet.SheetTable;
import io.datagent.ingestion.sheet.Workbook;
import io.datagent.ingestion.sheet.WorkbookReader;
import io.datagent.naming.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one source file into its table-shaped units on the driver: sniffs a text file, or reads a workbook's data
 * sheets, and attaches the descriptions the source carries (dictionary sheet, companion {@code .diccionario.csv},
 * footnotes, title rows).
 *
 * <p>Table names: a dataset folder's files go to {@code <dataset>}; a root file to its stem; a workbook with several
 * data sheets to {@code <base>_<sheet>}.
 */
final class UnitReader {

  private UnitReader() {}

  /** Reads the file's layout; throws {@link SourceFormatException} when the file cannot be a table. */
  static List<SourceUnit> read(SourceFile file, String sha256, int firstIndex) {
    // A companion dictionary only adds comments: whatever is wrong in it becomes a note, never a failure.
    CompanionDictionary.Dictionary dict = CompanionDictionary.find(file.path()).map(CompanionDictionary::read).orElse(null);
    Map<String, String> companion = dict == null ? Map.of() : dict.descriptions();
    String base = Names.toIdentifier(file.datasetOrStem());
    if (base.isEmpty()) {
      base = "tabla";
    }
    List<SourceUnit> units = new ArrayList<>();
    if (file.isSpreadsheet()) {
      Workbook wb = WorkbookReader.read(file.path(), file.relative());
      Map<String, String> dictionary = new LinkedHashMap<>(wb.dictionary());
      companion.forEach(dictionary::putIfAbsent);
      List<SheetTable> sheets = wb.dataSheets();
      for (SheetTable s : sheets) {
        String table = sheets.size() == 1 ? base : base + "_" + orDefault(Names.toIdentifier(s.sheetName()), "hoja");
        units.add(unit(firstIndex + units.size(), file, sha256, s.sheetName(), table, s.headers(), s.columnNotes(),
            dictionary, comment(s.titleLines(), s.notes()), null, s.rows()));
      }
    } else {
      CsvLayout layout = CsvSniffer.sniff(file.path(), file.relative());
      units.add(unit(firstIndex, file, sha256, null, base, layout.headers(), layout.columnNotes(), companion,
          comment(layout.titleLines(), layout.notes()), layout, null));
    }
    if (dict == null) {
      return units;
    }
    List<String> notes = new ArrayList<>(dict.notes());
    notes.addAll(dict.unmatched(units.stream().flatMap(u -> u.headers().stream()).toList()));
    if (notes.isEmpty()) {
      return units;
    }
    List<String> warnings = List.copyOf(notes);
    return units.stream().map(u -> u.withWarnings(warnings)).toList();
  }

  private static SourceUnit unit(int index, SourceFile file, String sha, String sheet, String table, List<String> headers,
      Map<Integer, String> notes, Map<String, String> dictionary, String tableComment, CsvLayout csv,
      List<io.datagent.ingestion.sheet.SourceRow> rows) {
    List<String> columns = Names.uniqueIdentifiers(headers);
    Map<String, String> byKey = new LinkedHashMap<>();
    dictionary.forEach((k, v) -> byKey.putIfAbsent(Names.matchKey(k), v));
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String header = headers.get(i);
      String d = byKey.get(Names.matchKey(header));
      if (d == null || d.isBlank()) {
        d = header;
      }
      String note = notes.get(i);
      if (note != null && !note.isBlank()) {
        d = d + ". Nota: " + note;
      }
      descriptions.put(columns.get(i), d.trim());
    }
    return new SourceUnit(index, file, sha, sheet, table, List.copyOf(headers), columns, descriptions, tableComment, csv, rows,
        List.of());
  }

  private static String comment(List<String> titles, List<String> notes) {
    List<String> parts = new ArrayList<>();
    titles.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(parts::add);
    notes.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(parts::add);
    return parts.isEmpty() ? null : String.join(" — ", parts);
  }

  private static String orDefault(String s, String d) {
    return s == null || s.isEmpty() ? d : s;
  }
}
