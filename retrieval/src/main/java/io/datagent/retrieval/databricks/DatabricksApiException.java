package io.datagent.retrieval.databricks;

/**
 * A Databricks REST call failed: the HTTP status, the API's {@code error_code} and {@code message} (from the error
 * body {@code {"error_code": ..., "message": ...}}) and what was being done.
 */
public class DatabricksApiException extends RuntimeException {

  private final int status;
  private final String errorCode;

  public DatabricksApiException(String message, int status, String errorCode, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** HTTP status, or 0 when no response arrived (timeout, connection refused). */
  public int status() {
    return status;
  }

  /** The API's error code (e.g. {@code RESOURCE_DOES_NOT_EXIST}), or null. */
  public String errorCode() {
    return errorCode;
  }
}
