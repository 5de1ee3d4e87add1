package io.datagent.ingestion.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Text with every line break as {@code \n}: CRLF, a lone LF and a lone CR alike. Files concatenated from exports of
 * different systems mix them, and a parser told one separator merges the lines written with another into one row
 * (a CRLF file with a few LF lines lost those rows into the previous row's last cell). A CRLF inside a quoted value
 * becomes {@code \n} too.
 */
final class LineEndings extends FilterReader {

  private boolean afterCr;

  LineEndings(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    while (true) {
      int c = in.read();
      if (c == '\n' && afterCr) {
        afterCr = false;
        continue; // the LF of a CRLF: its CR already gave the line break
      }
      afterCr = c == '\r';
      return afterCr ? '\n' : c;
    }
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      int n = in.read(buf, off, len);
      if (n <= 0) {
        return n;
      }
      int w = off;
      for (int i = off; i < off + n; i++) {
        char c = buf[i];
        if (c == '\n' && afterCr) {
          afterCr = false;
          continue;
        }
        afterCr = c == '\r';
        buf[w++] = afterCr ? '\n' : c;
      }
      if (w > off) {
        return w - off;
      }
      // only the LF of a CRLF split across two reads: read on
    }
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n && read() >= 0) {
      skipped++;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void mark(int readAheadLimit) throws IOException {
    throw new IOException("mark() not supported");
  }

  @Override
  public void reset() throws IOException {
    throw new IOException("reset() not supported");
  }
}
