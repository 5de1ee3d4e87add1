package io.datagent.agent.prompt.registry;

/**
 * A prompt registry could not do what was asked; the message is Spanish and fit to show an engineer, and nothing
 * was changed by the failed call.
 */
public final class PromptRegistryException extends RuntimeException {

  private final int status;

  public PromptRegistryException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public PromptRegistryException(String message, int status) {
    this(message, status, null);
  }

  /** The HTTP status that fits: 404 (no such version), 400 (bad input), 502/503 (backend failed or throttled). */
  public int status() {
    return status;
  }
}
