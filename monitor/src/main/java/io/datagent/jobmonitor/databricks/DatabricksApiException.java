package io.datagent.jobmonitor.databricks;

import io.datagent.jobmonitor.detect.JobsException;

/** A Databricks REST call that failed: HTTP status (0 when no response came), the API's {@code error_code}, message. */
public class DatabricksApiException extends JobsException {

  private final int status;
  private final String errorCode;

  public DatabricksApiException(int status, String errorCode, String message) {
    super("Databricks API " + (status == 0 ? "" : status + " ") + (errorCode == null ? "" : errorCode + " ") + message,
        status == 429 || status >= 500 || status == 0);
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
