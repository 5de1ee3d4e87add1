package io.datagent.agent.sql;

/**
 * A statement did not produce rows: the engine reported an error in it ({@link Kind#SQL}, worth a corrected query),
 * it ran out of time ({@link Kind#TIMEOUT}), or the engine could not be reached or refused the caller
 * ({@link Kind#UNAVAILABLE}).
 */
public final class SqlExecutionException extends Exception {

  /** Why no rows came back. */
  public enum Kind { SQL, TIMEOUT, UNAVAILABLE }

  private final Kind kind;

  public SqlExecutionException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public SqlExecutionException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
