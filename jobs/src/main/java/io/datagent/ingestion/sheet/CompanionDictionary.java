package io.datagent.ingestion.sheet;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.datagent.ingestion.SourceFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The companion dictionary of a data file: {@code <stem>.diccionario.csv} beside it ({@code ventas.xlsx} →
 * {@code ventas.diccionario.csv}), with a {@code columna;descripcion} header and one row per column.
 *
 * <p>Accepted: {@code ;}, {@code ,} or tab as delimiter (the most frequent one in the header line), quoted values,
 * a header in any case and with or without accents (see {@link DictionaryColumns}), UTF-8 with or without BOM,
 * UTF-16 with BOM, otherwise windows-1252. Rows without a description are skipped. NOTE: callers listing an uploads
 * folder must skip the companions themselves ({@link #isCompanion}).
 */
public final class CompanionDictionary {

  static final String SUFFIX = ".diccionario.csv";

  private CompanionDictionary() {}

  /** The companion dictionary of {@code dataFile}, if one exists beside it (name compared case-insensitively). */
  public static Optional<Path> find(Path dataFile) {
    String name = dataFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String wanted = (dot > 0 ? name.substring(0, dot) : name) + SUFFIX;
    Path dir = dataFile.toAbsolutePath().getParent();
    Path exact = dir.resolve(wanted);
    if (Files.isRegularFile(exact)) {
      return Optional.of(exact);
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().equalsIgnoreCase(wanted) && Files.isRegularFile(f))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + dir, e);
    }
  }

  /** Whether {@code file} is a companion dictionary rather than a data file. */
  public static boolean isCompanion(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX);
  }

  /**
   * Reads a dictionary file into column name (trimmed, as written) → description, in file order.
   *
   * @throws SourceFormatException naming the dictionary file and the 1-based line, when the file is empty, its header
   *     has no name and description columns, a row has more values than the header, a row has a description without
   *     a column name, or a column is described twice with different texts
   */
  public static Map<String, String> read(Path dictionaryFile) {
    String file = dictionaryFile.getFileName().toString();
    String text = TextDecoding.decode(readBytes(dictionaryFile));
    CsvParser parser = new CsvParser(settings(text));
    parser.beginParsing(new StringReader(text));
    String[] header = parser.parseNext();
    if (header == null) {
      throw new SourceFormatException(file, 0, "el diccionario está vacío: se esperaba una cabecera"
          + " 'columna;descripcion' y una fila por columna");
    }
    long headerLine = parser.getContext().currentLine();
    DictionaryColumns columns = DictionaryColumns.find(List.of(header)).orElseThrow(() -> new SourceFormatException(
        file, headerLine, "no se reconoce la cabecera del diccionario (" + String.join(" | ", header)
            + "): se esperaba 'columna;descripcion' (una columna con el nombre y otra con la descripción)"));
    Map<String, String> entries = new LinkedHashMap<>();
    Map<String, Long> lineOf = new HashMap<>();
    for (String[] row; (row = parser.parseNext()) != null; ) {
      long line = parser.getContext().currentLine();
      check(file, line, row, header.length);
      String name = cell(row, columns.name());
      String description = cell(row, columns.description());
      if (name.isEmpty() && !description.isEmpty()) {
        throw new SourceFormatException(file, line, "falta el nombre de la columna para la descripción '"
            + description + "'");
      }
      if (name.isEmpty() || description.isEmpty()) {
        continue;
      }
      String previous = entries.putIfAbsent(name, description);
      if (previous != null && !previous.equals(description)) {
        throw new SourceFormatException(file, line, "la columna '" + name + "' ya tiene otra descripción en la fila "
            + lineOf.get(name) + "; deje una sola");
      }
      lineOf.putIfAbsent(name, line);
    }
    return entries;
  }

  private static void check(String file, long line, String[] row, int headerWidth) {
    for (int i = headerWidth; i < row.length; i++) {
      if (!cell(row, i).isEmpty()) {
        throw new SourceFormatException(file, line, "la fila tiene " + row.length + " valores y la cabecera "
            + headerWidth + "; si la descripción contiene el separador, escríbala entre comillas dobles");
      }
    }
  }

  private static String cell(String[] row, int index) {
    return index < row.length && row[index] != null ? row[index].trim() : "";
  }

  private static CsvParserSettings settings(String text) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(delimiter(text));
    settings.getFormat().setLineSeparator("\n");
    settings.setSkipEmptyLines(true);
    settings.setMaxCharsPerColumn(-1);
    settings.setNullValue("");
    return settings;
  }

  /** The most frequent of {@code ;}, {@code ,} and tab in the first non-blank line; {@code ;} on a tie. */
  private static char delimiter(String text) {
    String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    char best = ';';
    long bestCount = firstLine.chars().filter(c -> c == ';').count();
    for (char candidate : new char[] {',', '\t'}) {
      long count = firstLine.chars().filter(c -> c == candidate).count();
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }
}
