package io.datagent.app.state;

/** The state database failed (unreachable, or a statement was refused); the web layer answers 503. */
public final class StateException extends RuntimeException {

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
