package io.datagent.ingestion.sheet;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.datagent.ingestion.read.DelimiterDetector;
import io.datagent.ingestion.read.EncodingDetector;
import io.datagent.naming.Names;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The companion dictionary of a data file: {@code <stem>.diccionario.csv} beside it ({@code ventas.xlsx} →
 * {@code ventas.diccionario.csv}), normally with a {@code columna;descripcion} header and one row per column.
 *
 * <p>A dictionary only adds comments: it never stops its data file from loading. {@link #read} is tolerant and returns
 * what it could use plus {@link Dictionary#notes() notes} (Spanish, naming the dictionary file, the 1-based line and
 * what was expected) for everything it had to skip or repair; the ingestion marks the data file PARTIAL with them.
 *
 * <p>Accepted: the encoding the data files accept ({@link EncodingDetector}: UTF-8 with or without BOM, UTF-16 with
 * BOM, otherwise windows-1252); the delimiter {@link DelimiterDetector} finds ({@code ;} {@code ,} tab {@code |}),
 * preferring the one that makes the first line a recognised header; a header in any case and with or without accents
 * (see {@link DictionaryColumns}) within the first lines, or no header (then name, description); blank lines and
 * {@code #} comment lines; quoted values, also spanning lines.
 *
 * <p>Repaired, with a note: an unquoted description containing the delimiter (the extra values are joined back into
 * the description); a quote that is never closed (bounded: the line is read alone, its quotes as plain text); a
 * column described twice with different texts (the first wins); a description without a column name, or a line
 * without any delimiter (skipped). {@link Dictionary#unmatched} notes entries for columns the data does not have.
 * NOTE: callers listing an uploads folder must skip the companions themselves ({@link #isCompanion}).
 */
public final class CompanionDictionary {

  static final String SUFFIX = ".diccionario.csv";
  /** A dictionary is a few KB; beyond this size the file is not read (it is not a dictionary). */
  static final long MAX_BYTES = 8L * 1024 * 1024;
  /** A quoted value may span at most this many lines (and {@link #MAX_RECORD_CHARS}); beyond, its quote is unclosed. */
  static final int MAX_RECORD_LINES = 50;
  static final int MAX_RECORD_CHARS = 32 * 1024;
  /** Lines searched for the header (a title line may come before it). */
  private static final int HEADER_SEARCH = 5;

  private CompanionDictionary() {}

  /**
   * What a dictionary file gave.
   *
   * @param file         the dictionary's file name, as notes name it
   * @param descriptions column name (trimmed, as written) → description, in file order
   * @param lines        column name → 1-based line of its entry
   * @param notes        problems found and how they were handled, each "{@code <file>, fila <n>: <what>}"
   */
  public record Dictionary(String file, Map<String, String> descriptions, Map<String, Long> lines, List<String> notes) {

    static Dictionary unreadable(String file, String why) {
      return new Dictionary(file, Map.of(), Map.of(), List.of(file + ": " + why));
    }

    /**
     * Notes for the entries that describe no column of {@code headers} (compared as {@link Names#matchKey}), in
     * file order.
     */
    public List<String> unmatched(Collection<String> headers) {
      Set<String> keys = new HashSet<>();
      headers.forEach(h -> keys.add(Names.matchKey(h)));
      List<String> out = new ArrayList<>();
      for (String name : descriptions.keySet()) {
        if (!keys.contains(Names.matchKey(name))) {
          out.add(at(file, lines.getOrDefault(name, 0L), "la columna '" + name
              + "' no está en los datos; se ignora su descripción (revise que el nombre coincida con la cabecera)"));
        }
      }
      return out;
    }
  }

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

  /** Reads a dictionary file; never throws for its content (see the class contract). */
  public static Dictionary read(Path dictionaryFile) {
    String file = dictionaryFile.getFileName().toString();
    byte[] bytes;
    try {
      long size = Files.size(dictionaryFile);
      if (size > MAX_BYTES) {
        return Dictionary.unreadable(file, "ocupa " + size / (1024 * 1024) + " MB; un diccionario es una fila"
            + " 'columna;descripcion' por columna (como mucho " + MAX_BYTES / (1024 * 1024) + " MB); no se usó");
      }
      try (InputStream in = Files.newInputStream(dictionaryFile)) {
        bytes = in.readNBytes((int) MAX_BYTES);
      }
    } catch (IOException e) {
      return Dictionary.unreadable(file, "no se pudo leer el diccionario (" + e.getMessage() + "); no se usó");
    }
    if (EncodingDetector.looksBinary(bytes, bytes.length)) {
      return Dictionary.unreadable(file, "no es un archivo de texto; se esperaba un CSV 'columna;descripcion'; no se usó");
    }
    return parse(file, decode(bytes));
  }

  /** Decodes as the data files are decoded ({@link EncodingDetector}), line endings normalised to {@code \n}. */
  static String decode(byte[] bytes) {
    Charset charset = EncodingDetector.detect(bytes, bytes.length);
    int bom = EncodingDetector.bomLength(bytes, bytes.length);
    String text = new String(bytes, bom, bytes.length - bom, charset);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  static Dictionary parse(String file, String text) {
    List<String> notes = new ArrayList<>();
    List<String> lines = Arrays.asList(text.split("\n", -1));
    char delimiter = delimiter(lines);
    List<Record> records = records(file, lines, delimiter, notes);
    if (records.isEmpty()) {
      notes.add(file + ": el diccionario está vacío: se esperaba una cabecera 'columna;descripcion' y una fila por"
          + " columna; se usan las cabeceras de los datos como descripción");
      return new Dictionary(file, Map.of(), Map.of(), notes);
    }
    CsvParser parser = new CsvParser(settings(delimiter));
    List<String[]> rows = new ArrayList<>(records.size());
    for (Record r : records) {
      rows.add(fields(file, r, delimiter, parser, notes));
    }

    int headerAt = -1;
    DictionaryColumns columns = null;
    for (int i = 0; i < Math.min(HEADER_SEARCH, rows.size()) && columns == null; i++) {
      Optional<DictionaryColumns> found = DictionaryColumns.find(trimmed(rows.get(i)));
      if (found.isPresent()) {
        columns = found.get();
        headerAt = i;
      }
    }
    int width;
    if (columns == null) {
      columns = new DictionaryColumns(0, 1); // no header: name, description
      width = 2;
    } else {
      width = Math.max(effectiveLength(rows.get(headerAt)), Math.max(columns.name(), columns.description()) + 1);
    }

    Map<String, String> entries = new LinkedHashMap<>();
    Map<String, Long> lineOf = new HashMap<>();
    Map<String, String> nameByKey = new HashMap<>();
    for (int i = headerAt + 1; i < rows.size(); i++) {
      String[] row = rows.get(i);
      long line = records.get(i).line;
      int length = effectiveLength(row);
      if (length == 0) {
        continue;
      }
      int nameAt = columns.name();
      int descriptionAt = columns.description();
      String description;
      if (row.length == 1 && Math.max(nameAt, descriptionAt) >= 1) {
        notes.add(at(file, line, "la fila no tiene el separador '" + show(delimiter) + "'; se esperaba 'columna"
            + show(delimiter) + "descripcion'; se ignora"));
        continue;
      }
      int extra = length - width;
      if (extra > 0) {
        // An unquoted description holding the delimiter: join the surplus values back into the description.
        description = String.join(String.valueOf(delimiter), Arrays.copyOfRange(row, descriptionAt, descriptionAt + extra + 1));
        if (nameAt > descriptionAt) {
          nameAt += extra;
        }
        notes.add(at(file, line, "la fila tiene " + length + " valores y se esperaban " + width + " ("
            + header(rows, headerAt, width, delimiter) + "); se tomó como descripción '" + description.trim()
            + "'. Si la descripción contiene el separador '" + show(delimiter) + "', escríbala entre comillas dobles"));
      } else {
        description = cell(row, descriptionAt);
      }
      String name = cell(row, nameAt);
      description = description.trim();
      if (name.isEmpty() && !description.isEmpty()) {
        notes.add(at(file, line, "falta el nombre de la columna para la descripción '" + description + "'; se ignora"));
        continue;
      }
      if (name.isEmpty() || description.isEmpty()) {
        continue;
      }
      String key = Names.matchKey(name);
      String first = nameByKey.putIfAbsent(key, name);
      if (first != null) {
        if (!entries.get(first).equals(description)) {
          notes.add(at(file, line, "la columna '" + name + "' ya tiene otra descripción en la fila " + lineOf.get(first)
              + "; se usa la primera. Deje una sola"));
        }
        continue;
      }
      entries.put(name, description);
      lineOf.put(name, line);
    }
    if (entries.isEmpty() && notes.isEmpty()) {
      notes.add(file + ": el diccionario no tiene ninguna fila 'columna;descripcion' con descripción");
    }
    return new Dictionary(file, entries, lineOf, notes);
  }

  /** One logical CSV record: its text (possibly several lines), its first line, and whether quotes are literal. */
  private record Record(String text, long line, boolean literalQuotes) {}

  /**
   * Splits the text into records: blank and {@code #} lines are dropped; a quote left open at the end of a line
   * continues the record on the next lines, at most {@link #MAX_RECORD_LINES} lines and {@link #MAX_RECORD_CHARS}
   * characters, and only when the closing quote ends its value; otherwise the line is read alone, quotes as text.
   */
  private static List<Record> records(String file, List<String> lines, char delimiter, List<String> notes) {
    char[] delimiters = {delimiter};
    List<Record> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      Scan scan = scan(line, delimiters);
      if (!scan.open) {
        out.add(new Record(line, i + 1, false));
        continue;
      }
      StringBuilder sb = new StringBuilder(line);
      int j = i;
      boolean closed = false;
      while (j + 1 < lines.size() && j - i < MAX_RECORD_LINES && sb.length() < MAX_RECORD_CHARS) {
        j++;
        sb.append('\n').append(lines.get(j));
        Scan s = scan(sb, delimiters);
        if (!s.open) {
          closed = !s.junkAfterQuote;
          break;
        }
      }
      if (closed) {
        out.add(new Record(sb.toString(), i + 1, false));
        i = j;
      } else {
        notes.add(at(file, i + 1, "hay una comilla doble sin cerrar; se leyó esta fila sola, con las comillas como"
            + " texto. Se esperaba \"descripción entre comillas\" con la comilla de cierre"));
        out.add(new Record(line, i + 1, true));
      }
    }
    return out;
  }

  /** Quote state of a record: a quote opens only at the start of a value; {@code ""} inside is an escaped quote. */
  private record Scan(boolean open, boolean junkAfterQuote) {}

  private static Scan scan(CharSequence s, char[] delimiters) {
    boolean atStart = true;
    boolean quoted = false;
    boolean afterQuote = false;
    boolean junk = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        }
      } else if (isDelimiter(c, delimiters) || c == '\n') {
        atStart = true;
        afterQuote = false;
      } else if (atStart && c == '"') {
        quoted = true;
        atStart = false;
      } else if (atStart && (c == ' ' || c == '\u00A0')) {
        // leading blanks before an opening quote
      } else {
        if (afterQuote && !Character.isWhitespace(c)) {
          junk = true;
        }
        atStart = false;
      }
    }
    return new Scan(quoted, junk);
  }

  private static boolean isDelimiter(char c, char[] delimiters) {
    for (char d : delimiters) {
      if (c == d) {
        return true;
      }
    }
    return false;
  }

  /**
   * The delimiter: one that makes one of the first lines a recognised header, else {@link DelimiterDetector}'s answer
   * on the non-blank, non-comment lines.
   */
  private static char delimiter(List<String> lines) {
    List<String> content = lines.stream().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).limit(200).toList();
    char detected = DelimiterDetector.detect(content);
    for (int i = 0; i < Math.min(HEADER_SEARCH, content.size()); i++) {
      for (char candidate : new char[] {detected, ';', ',', '\t', '|'}) {
        String[] header = safeParse(new CsvParser(settings(candidate)), content.get(i));
        if (header != null && header.length >= 2 && DictionaryColumns.find(trimmed(header)).isPresent()) {
          return candidate;
        }
      }
    }
    return detected;
  }

  private static String[] fields(String file, Record r, char delimiter, CsvParser parser, List<String> notes) {
    if (!r.literalQuotes) {
      String[] parsed = safeParse(parser, r.text);
      if (parsed != null) {
        return parsed;
      }
      notes.add(at(file, r.line, "no se pudo leer la fila como CSV; se leyó separando por '" + show(delimiter)
          + "' con las comillas como texto"));
    }
    return r.text.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
  }

  private static String[] safeParse(CsvParser parser, String text) {
    try {
      String[] row = parser.parseLine(text);
      return row == null ? new String[0] : row;
    } catch (TextParsingException e) {
      return null;
    }
  }

  private static CsvParserSettings settings(char delimiter) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(delimiter);
    settings.getFormat().setLineSeparator("\n");
    settings.getFormat().setComment('\0');
    settings.setMaxCharsPerColumn(-1);
    settings.setMaxColumns(4096);
    settings.setNullValue("");
    settings.setEmptyValue("");
    // Values are trimmed after joining, so that "En pesos, sin IVA" split on ',' joins back exactly.
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    return settings;
  }

  private static List<String> trimmed(String[] row) {
    List<String> out = new ArrayList<>(row.length);
    for (String s : row) {
      out.add(s == null ? "" : s.trim());
    }
    return out;
  }

  private static int effectiveLength(String[] row) {
    int n = row.length;
    while (n > 0 && (row[n - 1] == null || row[n - 1].isBlank())) {
      n--;
    }
    return n;
  }

  private static String header(List<String[]> rows, int headerAt, int width, char delimiter) {
    if (headerAt < 0) {
      return "columna" + show(delimiter) + "descripcion";
    }
    return String.join(show(delimiter), trimmed(Arrays.copyOf(rows.get(headerAt), width)).stream()
        .map(s -> s == null ? "" : s).toList());
  }

  private static String show(char delimiter) {
    return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
  }

  private static String cell(String[] row, int index) {
    return index < row.length && row[index] != null ? row[index].trim() : "";
  }

  static String at(String file, long line, String message) {
    return line > 0 ? file + ", fila " + line + ": " + message : file + ": " + message;
  }
}
