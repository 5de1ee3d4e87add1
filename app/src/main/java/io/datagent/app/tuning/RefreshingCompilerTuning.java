package io.datagent.app.tuning;

import io.datagent.agent.semantic.CompilerTuning;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The compiler tuning the App's agent answers with, read from {@link CompilerTuningStore} again once {@code refresh}
 * has passed (as the prompt's production alias is), so a promotion applies without a restart. A failed read keeps the
 * last tuning served.
 */
public final class RefreshingCompilerTuning implements Supplier<CompilerTuning> {

  /** How often the App looks for a newly promoted tuning. */
  public static final Duration REFRESH = Duration.ofSeconds(30);

  private final Supplier<CompilerTuning> store;
  private final Duration refresh;
  private final Clock clock;
  private volatile CompilerTuning served = CompilerTuning.DEFAULT;
  private volatile Instant readAt;

  public RefreshingCompilerTuning(Supplier<CompilerTuning> store, Duration refresh, Clock clock) {
    this.store = store;
    this.refresh = refresh;
    this.clock = clock;
  }

  /** The App's: the store's newest row, read again every {@link #REFRESH}. */
  public static RefreshingCompilerTuning of(javax.sql.DataSource state) {
    CompilerTuningStore s = new CompilerTuningStore(state);
    return new RefreshingCompilerTuning(() -> s.current().orElse(CompilerTuning.DEFAULT), REFRESH, Clock.systemUTC());
  }

  @Override
  public CompilerTuning get() {
    Instant now = clock.instant();
    Instant at = readAt;
    if (at == null || !now.isBefore(at.plus(refresh))) {
      readAt = now;
      try {
        served = store.get();
      } catch (RuntimeException e) {
        // keep serving the last tuning read; the next period tries again
      }
    }
    return served;
  }
}
