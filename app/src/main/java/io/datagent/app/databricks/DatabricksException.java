package io.datagent.app.databricks;

/** A Databricks REST call failed: the HTTP status and the API's own error code and message when it sent them. */
public final class DatabricksException extends RuntimeException {

  private final int status;
  private final String errorCode;

  public DatabricksException(int status, String errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }
}
