package io.datagent.app;

/**
 * A request the App declines, with the reason in plain Spanish for the person who made it. The web layer turns the
 * kind into a status code (400, 403, 404, 413, 415, 429, 503); nothing a user sends should end in a 500.
 */
public final class Refusal extends RuntimeException {

  /** Why the request is declined. */
  public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, TOO_LARGE, UNSUPPORTED_TYPE, BUSY, UNAVAILABLE }

  private final Kind kind;

  public Refusal(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static Refusal invalid(String message) {
    return new Refusal(Kind.INVALID, message);
  }

  public static Refusal notFound(String message) {
    return new Refusal(Kind.NOT_FOUND, message);
  }
}
