package io.datagent.jobmonitor.act;

import java.time.Duration;

/** The wait before the n-th repair of a run: {@code initial * multiplier^n}, at most {@code max}. */
public record Backoff(Duration initial, double multiplier, Duration max) {

  public Duration before(int attempt) {
    double ms = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt));
    return Duration.ofMillis((long) Math.min(ms, max.toMillis()));
  }
}
