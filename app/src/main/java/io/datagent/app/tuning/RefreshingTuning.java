package io.datagent.app.tuning;

import io.datagent.agent.semantic.CompilerTuning;
import io.datagent.retrieval.lucene.LuceneRetriever;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A tuning the App's agent answers with (the compiler's, the search's), read from its store again once {@code refresh}
 * has passed (as the prompt's production alias is), so a promotion applies without a restart. A failed read keeps the
 * last tuning served.
 */
public final class RefreshingTuning<T> implements Supplier<T> {

  /** How often the App looks for a newly promoted tuning. */
  public static final Duration REFRESH = Duration.ofSeconds(30);

  private final Supplier<T> store;
  private final Duration refresh;
  private final Clock clock;
  private volatile T served;
  private volatile Instant readAt;

  public RefreshingTuning(Supplier<T> store, T initial, Duration refresh, Clock clock) {
    this.store = store;
    this.served = initial;
    this.refresh = refresh;
    this.clock = clock;
  }

  /** The compiler tuning: {@code app.compiler_tuning}'s newest row, read again every {@link #REFRESH}. */
  public static RefreshingTuning<CompilerTuning> compiler(javax.sql.DataSource state) {
    CompilerTuningStore s = new CompilerTuningStore(state);
    return new RefreshingTuning<>(() -> s.current().orElse(CompilerTuning.DEFAULT), CompilerTuning.DEFAULT, REFRESH,
        Clock.systemUTC());
  }

  /** The search's fusion tuning: {@code app.agent_tuning}'s newest row, read again every {@link #REFRESH}. */
  public static RefreshingTuning<LuceneRetriever.Tuning> retrieval(javax.sql.DataSource state) {
    return retrieval(() -> state);
  }

  /** As {@link #retrieval(javax.sql.DataSource)}, for a database still starting: first read at the first search. */
  public static RefreshingTuning<LuceneRetriever.Tuning> retrieval(Supplier<javax.sql.DataSource> state) {
    return new RefreshingTuning<>(() -> new AgentTuningStore(state.get()).current().orElse(LuceneRetriever.Tuning.DEFAULT),
        LuceneRetriever.Tuning.DEFAULT, REFRESH, Clock.systemUTC());
  }

  @Override
  public T get() {
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
