package io.datagent.app.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Caches a Lakebase password and fetches a new one {@code margin} before the current one expires, so a JDBC login
 * never gets a password that dies in its hands.
 */
public final class ExpiringPassword implements Supplier<String> {

  /** A token and when it stops being valid. */
  public record Issued(String token, Instant expiresAt) {}

  private final Supplier<Issued> fetch;
  private final Duration margin;
  private final Clock clock;
  private Issued current;

  public ExpiringPassword(Supplier<Issued> fetch, Duration margin, Clock clock) {
    this.fetch = fetch;
    this.margin = margin;
    this.clock = clock;
  }

  @Override
  public synchronized String get() {
    if (current == null || !clock.instant().plus(margin).isBefore(current.expiresAt())) {
      current = fetch.get();
    }
    return current.token();
  }
}
