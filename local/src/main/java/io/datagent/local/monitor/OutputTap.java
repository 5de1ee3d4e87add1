package io.datagent.local.monitor;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Tees {@code System.out} and {@code System.err} into a bounded buffer while a command runs, so the recorded run has
 * the task's logs like {@code runs/get-output} on Databricks. Output still reaches the terminal unchanged.
 */
final class OutputTap implements AutoCloseable {

  static final int MAX_CHARS = 64 * 1024;

  private final PrintStream out;
  private final PrintStream err;
  private final StringBuilder buffer = new StringBuilder();

  private OutputTap() {
    this.out = System.out;
    this.err = System.err;
    System.setOut(tee(out));
    System.setErr(tee(err));
  }

  static OutputTap install() {
    return new OutputTap();
  }

  private PrintStream tee(PrintStream original) {
    OutputStream both = new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        keep(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        original.write(b, off, len);
        keep(b, off, len);
      }

      @Override
      public void flush() {
        original.flush();
      }
    };
    return new PrintStream(both, true, StandardCharsets.UTF_8);
  }

  private synchronized void keep(byte[] b, int off, int len) {
    buffer.append(new String(b, off, len, StandardCharsets.UTF_8));
    if (buffer.length() > 2 * MAX_CHARS) {
      buffer.delete(0, buffer.length() - MAX_CHARS);
    }
  }

  /** The last {@value #MAX_CHARS} characters written. */
  synchronized String text() {
    return buffer.length() <= MAX_CHARS ? buffer.toString() : buffer.substring(buffer.length() - MAX_CHARS);
  }

  synchronized boolean truncated() {
    return buffer.length() > MAX_CHARS;
  }

  @Override
  public void close() {
    System.out.flush();
    System.err.flush();
    System.setOut(out);
    System.setErr(err);
  }
}
