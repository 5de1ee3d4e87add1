package io.datagent.agent.databricks;

import java.time.Duration;

/**
 * A Databricks REST call failed: the HTTP status, the API's {@code error_code} and {@code message} from the error
 * body when there was one, and the server's Retry-After for 429/503.
 */
public final class DatabricksApiException extends Exception {

  private final int status;
  private final String errorCode;
  private final Duration retryAfter;

  public DatabricksApiException(int status, String errorCode, String message, Duration retryAfter) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.retryAfter = retryAfter;
  }

  public DatabricksApiException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.errorCode = null;
    this.retryAfter = null;
  }

  /** HTTP status, or 0 when the server could not be reached. */
  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  /** The server's Retry-After, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** 429, 5xx and unreachable servers may succeed when tried again. */
  public boolean retriable() {
    return status == 0 || status == 429 || status >= 500;
  }
}
