package io.datagent.agent.catalog;

/** The catalog could not be read (warehouse down, no permission). The message is Spanish. */
public final class CatalogException extends RuntimeException {

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
