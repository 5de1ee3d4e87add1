package io.datagent.ingestion.csv;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import io.datagent.ingestion.SourceFormatException;
import io.datagent.ingestion.read.DelimiterDetector;
import io.datagent.ingestion.read.EncodingDetector;
import io.datagent.ingestion.sheet.Footnotes;
import io.datagent.ingestion.sheet.GridLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the head (and tail) of a delimited text file on the driver to decide how the whole file is parsed:
 * encoding, delimiter, where the header is, and which footnotes describe which columns.
 *
 * <p>Refuses, with a Spanish message naming what was expected, files that are empty, binary, spreadsheets with a
 * text extension, or whose head cannot be parsed. Header-only files are detected later, when the whole file has been
 * read (a file can be header-only only if it is small, but the parse is the authority).
 */
public final class CsvSniffer {

  static final int HEAD_BYTES = 64 * 1024;
  static final int TAIL_BYTES = 16 * 1024;
  static final int SAMPLE_RECORDS = 50;

  private CsvSniffer() {}

  public static CsvLayout sniff(Path file, String displayName) {
    byte[] head = readHead(file);
    int n = head.length;
    if (n == 0) {
      throw new SourceFormatException(displayName, 0, "el archivo está vacío; se esperaba una cabecera y filas de datos");
    }
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      throw new SourceFormatException(displayName, 0,
          "el contenido es un libro Excel (.xlsx) o un ZIP, no texto delimitado; renómbrelo a .xlsx o expórtelo como CSV");
    }
    if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11) {
      throw new SourceFormatException(displayName, 0,
          "el contenido es un libro Excel antiguo (.xls), no texto delimitado; renómbrelo a .xls o expórtelo como CSV");
    }
    if (EncodingDetector.looksBinary(head, n)) {
      throw new SourceFormatException(displayName, 0,
          "el archivo contiene datos binarios, no texto delimitado (CSV con ; , tabulador o |)");
    }
    Charset charset = EncodingDetector.detect(head, n);
    int bom = EncodingDetector.bomLength(head, n);
    String text = new String(head, bom, n - bom, charset);
    boolean truncatedSample = n == HEAD_BYTES;
    if (truncatedSample) {
      int lastNl = text.lastIndexOf('\n');
      if (lastNl > 0) {
        text = text.substring(0, lastNl + 1);
      }
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\r\n|\n|\r")) {
      if (!line.isBlank()) {
        lines.add(line);
      }
      if (lines.size() >= SAMPLE_RECORDS + 10) {
        break;
      }
    }
    if (lines.isEmpty()) {
      throw new SourceFormatException(displayName, 0, "el archivo está vacío; se esperaba una cabecera y filas de datos");
    }
    char delimiter = DelimiterDetector.detect(lines);
    List<List<String>> records = new ArrayList<>();
    List<Long> recordLines = new ArrayList<>();
    CsvParser parser = CsvSettings.parser(delimiter);
    try {
      parser.beginParsing(CsvSettings.input(new StringReader(text)));
      String[] row;
      while (records.size() < SAMPLE_RECORDS && (row = parser.parseNext()) != null) {
        records.add(Arrays.asList(row));
        recordLines.add(parser.getContext().currentLine() - CsvShardReader.newlines(row));
      }
    } catch (TextParsingException e) {
      String limit = CsvSettings.limitMessage(e);
      throw new SourceFormatException(displayName, e.getLineIndex() + 1, limit != null ? limit
          : "no se pudo leer como texto delimitado por '" + printable(delimiter) + "': " + firstLine(e.getMessage()), e);
    } finally {
      parser.stopParsing();
    }
    if (records.isEmpty()) {
      throw new SourceFormatException(displayName, 0, "el archivo está vacío; se esperaba una cabecera y filas de datos");
    }
    GridLayout.Layout layout = GridLayout.detect(records);
    int headerIndex = layout.headerIndex();
    if (headerIndex < 0) {
      throw new SourceFormatException(displayName, 0, "no se encontró una fila de cabecera (todas las filas están vacías)");
    }
    List<String> rawHeader = new ArrayList<>(records.get(headerIndex));
    while (!rawHeader.isEmpty() && rawHeader.get(rawHeader.size() - 1).isBlank()) {
      rawHeader.remove(rawHeader.size() - 1);
    }
    if (rawHeader.isEmpty()) {
      throw new SourceFormatException(displayName, recordLines.get(headerIndex), "no se encontró una fila de cabecera");
    }
    List<String> notes = rawHeader.size() <= 1
        ? List.of() // in a single-column file every row looks like a lone note
        : tailNotes(file, charset, bom, delimiter, truncatedSample ? null : text, headerIndex, records);
    Map<String, String> notesByMarker = new LinkedHashMap<>();
    for (String note : notes) {
      Footnotes.parseNote(note).ifPresent(x -> notesByMarker.putIfAbsent(Footnotes.key(x.marker()), x.text()));
    }
    List<String> headers = new ArrayList<>();
    Map<Integer, String> columnNotes = new LinkedHashMap<>();
    for (int i = 0; i < rawHeader.size(); i++) {
      Footnotes.Split split = Footnotes.splitMarker(rawHeader.get(i).trim());
      headers.add(split.text());
      if (split.marker() != null && notesByMarker.containsKey(Footnotes.key(split.marker()))) {
        columnNotes.put(i, notesByMarker.get(Footnotes.key(split.marker())));
      }
    }
    return new CsvLayout(charset.name(), bom, delimiter, headerIndex, recordLines.get(headerIndex), headers, columnNotes,
        layout.titleLines(), notes);
  }

  /** Note lines after the data: single-cell rows that read as footnotes or sources, at the very end of the file. */
  private static List<String> tailNotes(
      Path file, Charset charset, int bom, char delimiter, String wholeText, int headerIndex, List<List<String>> headRecords) {
    List<List<String>> rows = new ArrayList<>();
    if (wholeText != null) {
      rows.addAll(headRecords.subList(headerIndex + 1, headRecords.size()));
    } else {
      String tail = readTail(file, charset, bom);
      CsvParser parser = CsvSettings.parser(delimiter);
      try {
        parser.beginParsing(CsvSettings.input(new StringReader(tail)));
        String[] row;
        while ((row = parser.parseNext()) != null) {
          rows.add(Arrays.asList(row));
        }
      } catch (TextParsingException e) {
        return List.of();
      } finally {
        parser.stopParsing();
      }
    }
    List<String> notes = new ArrayList<>();
    for (int i = rows.size() - 1; i >= 0; i--) {
      List<String> r = rows.get(i);
      String only = onlyCell(r);
      if (only == null) {
        break;
      }
      notes.add(0, only);
    }
    return notes;
  }

  private static String onlyCell(List<String> row) {
    String found = null;
    for (String c : row) {
      if (c != null && !c.isBlank()) {
        if (found != null) {
          return null;
        }
        found = c.trim();
      }
    }
    return found;
  }

  private static byte[] readHead(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(HEAD_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readTail(Path file, Charset charset, int bom) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long len = raf.length();
      long start = Math.max(bom, len - TAIL_BYTES);
      byte[] buf = new byte[(int) (len - start)];
      raf.seek(start);
      raf.readFully(buf);
      String s = new String(buf, charset);
      int nl = s.indexOf('\n');
      return nl >= 0 && start > bom ? s.substring(nl + 1) : s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String printable(char d) {
    return d == '\t' ? "tabulador" : String.valueOf(d);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
