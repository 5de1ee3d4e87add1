package io.datagent.ingestion;

/**
 * A source file that cannot be read as a table: corrupt, truncated, empty, header only, wrong encoding, ragged rows.
 *
 * <p>The message is in Spanish (business users read it in the ingestion log and the App) and says what was expected;
 * {@link #file()} and {@link #row()} locate the problem ({@code row} is 1-based, 0 when it is about the whole file).
 */
public class SourceFormatException extends RuntimeException {

  private final String file;
  private final long row;

  public SourceFormatException(String file, long row, String message) {
    super(format(file, row, message));
    this.file = file;
    this.row = row;
  }

  public SourceFormatException(String file, long row, String message, Throwable cause) {
    super(format(file, row, message), cause);
    this.file = file;
    this.row = row;
  }

  private static String format(String file, long row, String message) {
    return row > 0 ? file + ", fila " + row + ": " + message : file + ": " + message;
  }

  public String file() {
    return file;
  }

  public long row() {
    return row;
  }
}
