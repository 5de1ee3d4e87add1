package io.datagent.jobmonitor.databricks;

import java.time.Duration;

/**
 * How a Databricks call is retried: 429 waits for {@code Retry-After} (capped at {@code maxDelay}), 5xx and dropped
 * connections back off exponentially from {@code baseDelay}, up to {@code maxAttempts} calls in all.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  public Duration backoff(int attempt) {
    long ms = baseDelay.toMillis() << Math.min(attempt, 16);
    return Duration.ofMillis(Math.min(ms, maxDelay.toMillis()));
  }
}
