package io.datagent.agent.sql;

/**
 * The {@link SqlGuard} refused a statement. The message is Spanish and precise enough for a model to write a
 * corrected query; {@link #code()} is a short machine-readable reason.
 */
public final class SqlRejectedException extends Exception {

  private final String code;

  public SqlRejectedException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
