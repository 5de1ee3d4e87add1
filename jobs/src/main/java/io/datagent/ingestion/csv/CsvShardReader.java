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
 * splitting that a quoted newline could break. A file without any double quote, in a charset where a {@code \n} byte
 * is always a line break, is split by bytes instead ({@link #split}): each shard reads only its own lines (plus, when
 * it ends on held trailer rows, up to the next data row), knowing from the driver how many lines come before it.
 * Trailing total and note rows are held back until a data row follows them; at the end of the file they are dropped
 * (the driver reads notes separately). Both ways emit the same rows with the same line numbers.
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

  /**
   * Byte offsets of the shards of a file split by lines: {@code offsets[s]} is where shard {@code s} starts (a line
   * start; {@code offsets[0]} is after the BOM) and {@code linesBefore[s]} how many line breaks come before it;
   * {@code offsets[shards]} is the file size.
   */
  public record Splits(long[] offsets, long[] linesBefore) implements java.io.Serializable {}

  /**
   * How to split a file into {@code shards} byte ranges of whole lines, or null when it must be read whole by every
   * shard: fewer than two shards, a charset other than UTF-8 / windows-1252 / ISO-8859-1 / US-ASCII, any double
   * quote in the file (a quoted value may hold a line break), a lone CR (a line break that is not a {@code \n}), no
   * line break after a split point, two split points on
   * one line, or a split point within the header.
   */
  public static Splits split(Path path, CsvLayout layout, int shards) {
    if (shards < 2 || !List.of("UTF-8", "windows-1252", "ISO-8859-1", "US-ASCII").contains(layout.charset())) {
      return null;
    }
    try (InputStream in = Files.newInputStream(path)) {
      long size = Files.size(path);
      long[] offsets = new long[shards + 1];
      long[] linesBefore = new long[shards + 1];
      offsets[0] = layout.bomLength();
      offsets[shards] = size;
      int next = 1;
      long target = size * next / shards;
      long pos = 0;
      long lines = 0;
      boolean afterCr = false;
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        for (int i = 0; i < n; i++, pos++) {
          byte b = buf[i];
          if (b == '"') {
            return null;
          }
          if (afterCr && b != '\n') {
            return null; // a lone CR is a line break the byte count below would miss
          }
          afterCr = b == '\r';
          if (b == '\n') {
            lines++;
            // pos + 1 starts a line: the first line start at or after the target begins the next shard.
            if (next < shards && pos + 1 >= target) {
              offsets[next] = pos + 1;
              linesBefore[next] = lines;
              next++;
              target = size * next / shards;
              if (next < shards && pos + 1 >= target) {
                return null; // a line longer than a shard
              }
            }
          }
        }
      }
      if (next < shards || linesBefore[1] < layout.headerLine()) {
        return null;
      }
      for (int s = 1; s < shards; s++) {
        if (offsets[s] >= size) {
          return null;
        }
      }
      return new Splits(offsets, linesBefore);
    } catch (IOException e) {
      return null; // reading whole reports the problem
    }
  }

  public static void read(CsvUnit unit, int shard, int shards, Consumer<ParsedRow> out) {
    CsvLayout layout = unit.layout();
    int width = layout.headers().size();
    CsvParser parser = CsvSettings.parser(layout.delimiter());
    Splits splits = unit.splits();
    boolean byBytes = splits != null && splits.offsets().length == shards + 1;
    long base = byBytes ? splits.linesBefore()[shard] : 0; // line breaks before this shard's first byte
    long end = byBytes && shard + 1 < shards ? splits.linesBefore()[shard + 1] : Long.MAX_VALUE; // last line owned
    long dataIndex = 0;
    long lastLine = byBytes && shard > 0 ? base : layout.headerLine();
    List<Pending> held = new ArrayList<>();
    try (Reader reader = byBytes ? open(Path.of(unit.path()), layout, splits.offsets()[shard]) : open(Path.of(unit.path()), layout)) {
      parser.beginParsing(reader);
      String[] row;
      int record = byBytes && shard > 0 ? layout.headerRecord() + 1 : 0;
      while ((row = parser.parseNext()) != null) {
        long line = base + parser.getContext().currentLine() - newlines(row);
        lastLine = line;
        if (record++ <= layout.headerRecord()) {
          continue;
        }
        if (isBlank(row)) {
          continue;
        }
        List<String> cells = java.util.Arrays.asList(row);
        boolean trailer = TrailerDetector.isTrailer(cells, width);
        if (line > end) {
          // Past this shard: only looking for whether a data row follows the held trailer rows.
          if (held.isEmpty()) {
            break;
          }
          if (trailer) {
            continue;
          }
          held.forEach(p -> out.accept(toRow(unit, p.line, p.cells, width)));
          held.clear();
          break;
        }
        if (trailer) {
          held.add(new Pending(line, row));
          continue;
        }
        for (Pending p : held) {
          if (byBytes || dataIndex++ % shards == shard) {
            out.accept(toRow(unit, p.line, p.cells, width));
          }
        }
        held.clear();
        if (byBytes || dataIndex++ % shards == shard) {
          out.accept(toRow(unit, line, row, width));
        }
      }
    } catch (TextParsingException e) {
      long at = Math.max(lastLine + 1, base + e.getLineIndex() + 1);
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
    String problem = UnclosedQuote.problem(row, width, unit.layout().delimiter(), line);
    if (problem != null) {
      return new ParsedRow(unit.index(), line, cells, problem, String.join(String.valueOf(unit.layout().delimiter()), row));
    }
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
    return open(path, layout, layout.bomLength());
  }

  /** A strict decoder over the file from byte {@code from} (the BOM length, or a line start). */
  private static Reader open(Path path, CsvLayout layout, long from) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    long skipped = skipFully(in, from);
    if (skipped != from) {
      in.close();
      throw new IOException("archivo truncado");
    }
    CharsetDecoder decoder = Charset.forName(layout.charset()).newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return CsvSettings.input(new InputStreamReader(in, decoder));
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
    String limit = CsvSettings.limitMessage(e);
    if (limit != null) {
      return limit;
    }
    String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    int nl = msg.indexOf('\n');
    return "no se pudo leer el archivo hasta el final: " + (nl < 0 ? msg : msg.substring(0, nl));
  }

  private record Pending(long line, String[] cells) {}

  private static long skipFully(InputStream in, long n) throws IOException {
    long done = 0;
    while (done < n) {
      long k = in.skip(n - done);
      if (k <= 0) {
        break;
      }
      done += k;
    }
    return done;
  }
}
