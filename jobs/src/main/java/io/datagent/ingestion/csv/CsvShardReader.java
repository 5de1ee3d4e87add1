package io.datagent.ingestion.csv;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import io.datagent.ingestion.ParsedRow;
import io.datagent.ingestion.sheet.TrailerDetector;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses one delimited text file inside a Spark task, emitting the data rows of one shard.
 *
 * <p>Large files are read by several tasks at once: every shard tokenises the whole file (cheap) but converts and
 * emits only the data rows whose index modulo {@code shards} is its own, so shards never overlap and need no byte
 * splitting that a quoted newline could break. Trailing total and note rows are held back until a data row follows
 * them; at the end of the file they are dropped (the driver reads notes separately).
 *
 * <p>Problems are data, not exceptions: a row of the wrong width is emitted with a reason (it goes to quarantine);
 * a file that cannot be read to its end emits one fatal row ({@code row = -1} or the row where reading failed,
 * {@link ParsedRow#FATAL}) and stops.
 */
public final class CsvShardReader {

  private CsvShardReader() {}

  /** Counts line breaks inside cells, to turn univocity's end line of a record into its start line. */
  static int newlines(String[] cells) {
    int n = 0;
    for (String c : cells) {
      if (c != null && c.indexOf('\n') >= 0) {
        for (int i = 0; i < c.length(); i++) {
          if (c.charAt(i) == '\n') {
            n++;
          }
        }
      }
    }
    return n;
  }

  public static void read(CsvUnit unit, int shard, int shards, Consumer<ParsedRow> out) {
    CsvLayout layout = unit.layout();
    int width = layout.headers().size();
    CsvParser parser = CsvSettings.parser(layout.delimiter());
    long dataIndex = 0;
    long lastLine = layout.headerLine();
    List<Pending> held = new ArrayList<>();
    try (Reader reader = open(Path.of(unit.path()), layout)) {
      parser.beginParsing(reader);
      String[] row;
      int record = 0;
      while ((row = parser.parseNext()) != null) {
        long line = parser.getContext().currentLine() - newlines(row);
        lastLine = line;
        if (record++ <= layout.headerRecord()) {
          continue;
        }
        if (isBlank(row)) {
          continue;
        }
        List<String> cells = java.util.Arrays.asList(row);
        if (TrailerDetector.isTrailer(cells, width)) {
          held.add(new Pending(line, row));
          continue;
        }
        for (Pending p : held) {
          if (dataIndex++ % shards == shard) {
            out.accept(toRow(unit, p.line, p.cells, width));
          }
        }
        held.clear();
        if (dataIndex++ % shards == shard) {
          out.accept(toRow(unit, line, row, width));
        }
      }
    } catch (TextParsingException e) {
      long at = Math.max(lastLine + 1, e.getLineIndex() + 1);
      if (rootCause(e) instanceof CharacterCodingException) {
        at = firstUndecodableLine(Path.of(unit.path()), layout);
      }
      out.accept(ParsedRow.fatal(unit.index(), at, describe(e, layout)));
    } catch (IOException e) {
      out.accept(ParsedRow.fatal(unit.index(), lastLine + 1, describe(e, layout)));
    } finally {
      parser.stopParsing();
    }
  }

  private static ParsedRow toRow(CsvUnit unit, long line, String[] row, int width) {
    int n = row.length;
    while (n > width && (row[n - 1] == null || row[n - 1].isBlank())) {
      n--;
    }
    String[] cells = new String[unit.tableWidth()];
    int[] map = unit.mapping();
    for (int i = 0; i < Math.min(n, width); i++) {
      cells[map[i]] = row[i] == null ? "" : row[i];
    }
    String problem = null;
    if (n != width) {
      problem = "la fila tiene " + n + " columnas y se esperaban " + width + " (según la cabecera)";
      cells = unit.tableWidth() > 0 ? cells : new String[0];
      return new ParsedRow(unit.index(), line, cells, problem, String.join(String.valueOf(unit.layout().delimiter()), row));
    }
    return new ParsedRow(unit.index(), line, cells, null, null);
  }

  private static boolean isBlank(String[] row) {
    for (String c : row) {
      if (c != null && !c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static Reader open(Path path, CsvLayout layout) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    long skipped = in.skip(layout.bomLength());
    if (skipped != layout.bomLength()) {
      in.close();
      throw new IOException("archivo truncado");
    }
    CharsetDecoder decoder = Charset.forName(layout.charset()).newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new InputStreamReader(in, decoder);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The 1-based line holding the first bytes that do not decode in the file's charset (univocity reads ahead). */
  static long firstUndecodableLine(Path path, CsvLayout layout) {
    CharsetDecoder decoder = Charset.forName(layout.charset()).newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    long line = 1;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      in.skipNBytes(layout.bomLength());
      java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
      java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
      byte[] buf = new byte[1 << 15];
      for (int n; (n = in.read(buf)) > 0; ) {
        bytes.put(buf, 0, n).flip();
        java.nio.charset.CoderResult r = decoder.decode(bytes, chars, false);
        chars.flip();
        while (chars.hasRemaining()) {
          if (chars.get() == '\n') {
            line++;
          }
        }
        chars.clear();
        if (r.isError()) {
          return line;
        }
        bytes.compact();
      }
    } catch (IOException e) {
      return line;
    }
    return line;
  }

  private static String describe(Throwable e, CsvLayout layout) {
    Throwable cause = rootCause(e);
    if (cause instanceof CharacterCodingException) {
      return "hay bytes que no son " + layout.charset() + " válido; el archivo mezcla codificaciones. "
          + "Guárdelo de nuevo como UTF-8 (o ISO-8859-1) y vuelva a subirlo";
    }
    String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    if (msg.contains("maxCharsPerColumn") || msg.contains("exceeds the maximum number of characters")) {
      return "una celda supera " + (CsvSettings.MAX_CHARS_PER_CELL / (1024 * 1024))
          + " MB; probablemente falta cerrar unas comillas (\") en esta fila o antes";
    }
    if (msg.contains("maxColumns") || msg.contains("exceeds the maximum number of columns")) {
      return "la fila tiene más de " + CsvSettings.MAX_COLUMNS + " columnas; el delimitador o las comillas no son coherentes";
    }
    int nl = msg.indexOf('\n');
    return "no se pudo leer el archivo hasta el final: " + (nl < 0 ? msg : msg.substring(0, nl));
  }

  private record Pending(long line, String[] cells) {}
}
