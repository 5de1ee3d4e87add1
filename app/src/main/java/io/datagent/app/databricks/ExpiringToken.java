package io.datagent.app.databricks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Caches a token and fetches a new one {@code margin} before the current one expires, so a caller never gets a token
 * that dies in its hands (the JDBC login, a REST call).
 */
public final class ExpiringToken implements TokenSource {

  /** A token and when it stops being valid. */
  public record Issued(String token, Instant expiresAt) {}

  private final Supplier<Issued> fetch;
  private final Duration margin;
  private final Clock clock;
  private Issued current;

  public ExpiringToken(Supplier<Issued> fetch, Duration margin, Clock clock) {
    this.fetch = fetch;
    this.margin = margin;
    this.clock = clock;
  }

  @Override
  public synchronized String token() {
    if (current == null || !clock.instant().plus(margin).isBefore(current.expiresAt())) {
      current = fetch.get();
    }
    return current.token();
  }
}
