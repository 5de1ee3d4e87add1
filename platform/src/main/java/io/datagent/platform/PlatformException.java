package io.datagent.platform;

import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.DatabricksException;

/**
 * The one failure of a Databricks call: the HTTP status and the API's {@code error_code}, a Spanish message for the
 * business user ({@link #userMessage()}, no stack trace or secret in it) and a precise English one for logs
 * ({@link #getMessage()}).
 */
public final class PlatformException extends RuntimeException {

  private final int status;
  private final String errorCode;
  private final String userMessage;

  public PlatformException(int status, String errorCode, String logMessage, String userMessage, Throwable cause) {
    super(logMessage, cause);
    this.status = status;
    this.errorCode = errorCode;
    this.userMessage = userMessage;
  }

  /** An SDK error (or any failure) while doing {@code op}. */
  public static PlatformException of(Operation op, Throwable e) {
    if (e instanceof PlatformException p) {
      return p;
    }
    DatabricksError err = find(e);
    int status = err == null ? 0 : err.getStatusCode();
    String code = err == null ? null : err.getErrorCode();
    String detail = err != null ? err.getMessage() : e.getMessage();
    if (status == 523) { // the SDK's code for an I/O error: no HTTP answer
      status = 0;
    }
    String log = op.english() + " failed" + (status == 0 ? " (no HTTP response)" : " (HTTP " + status
        + (code == null ? "" : " " + code) + ")") + ": " + detail;
    return new PlatformException(status, code, log, spanish(op, status, code), e);
  }

  static String spanish(Operation op, int status, String code) {
    String what = op.spanish();
    if (status == 401) {
      return "Databricks no aceptó las credenciales al " + what + " (token caducado o no válido).";
    }
    if (status == 403 || "PERMISSION_DENIED".equals(code)) {
      return "No hay permiso para " + what + " en Databricks. Pida a un administrador del workspace el permiso "
          + "necesario.";
    }
    if (status == 404 || "RESOURCE_DOES_NOT_EXIST".equals(code) || "NOT_FOUND".equals(code)) {
      return "No se encontró en Databricks lo necesario para " + what + ".";
    }
    if (status == 429) {
      return "Databricks está saturado y no pudo " + what + "; inténtelo de nuevo en unos minutos.";
    }
    if (status >= 500) {
      return "Databricks no está disponible ahora para " + what + "; inténtelo más tarde.";
    }
    if (status == 0) {
      return "No se pudo contactar con Databricks para " + what + ".";
    }
    return "Databricks rechazó la petición al " + what + " (HTTP " + status + ").";
  }

  private static DatabricksError find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DatabricksError d) {
        return d;
      }
      if (!(t instanceof DatabricksException) && t.getCause() == null) {
        break;
      }
    }
    return null;
  }

  /** HTTP status, or 0 when no response arrived. */
  public int status() {
    return status;
  }

  /** The API's {@code error_code} (e.g. {@code PERMISSION_DENIED}), or null. */
  public String errorCode() {
    return errorCode;
  }

  /** What to tell the business user, in Spanish. */
  public String userMessage() {
    return userMessage;
  }

  /** No answer arrived or the server failed: the call may or may not have been applied. */
  public boolean outcomeUnknown() {
    return status == 0 || status >= 500;
  }
}
