package io.datagent.agent.prompt.registry;

import io.datagent.agent.prompt.PromptSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the version an alias (normally {@value PromptRegistry#PRODUCTION}) points at, read again from the registry
 * at most every {@code refresh}, so a promotion or a rollback is picked up within that interval without a restart.
 * An empty registry is seeded first ({@link PromptSeed}).
 *
 * <p>NOTE: when the registry cannot be read, the version served last stays in use (and is asked again after the
 * interval); before any read succeeded, the fallback (the bundled file, no version number) is served, and the
 * registry is asked again after the interval too.
 */
public final class AliasedPromptSource implements PromptSource {

  private static final Logger LOG = LoggerFactory.getLogger(AliasedPromptSource.class);

  private final PromptSeed seed;
  private final PromptRegistry registry;
  private final String alias;
  private final Duration refresh;
  private final Clock clock;
  private final PromptSource fallback;
  private final ReentrantLock reading = new ReentrantLock();
  private volatile Served served;
  private volatile Instant nextRead = Instant.MIN;

  public AliasedPromptSource(PromptRegistry registry, PromptSeed seed, String alias, Duration refresh, Clock clock,
      PromptSource fallback) {
    this.registry = registry;
    this.seed = seed;
    this.alias = alias;
    this.refresh = refresh;
    this.clock = clock;
    this.fallback = fallback;
  }

  /**
   * The served instructions. Once something was served, only one caller at a time reads the registry when the
   * interval is over; the others keep answering with what was served (a slow or throttled registry never holds up
   * questions).
   */
  @Override
  public Served current() {
    Served known = served;
    if (clock.instant().isBefore(nextRead)) {
      return known != null ? known : fallback.current(); // never read yet: the bundled file until the next try
    }
    if (known != null && !reading.tryLock()) {
      return known;
    }
    if (known == null) {
      reading.lock();
    }
    try {
      if (clock.instant().isBefore(nextRead)) { // another caller read it meanwhile
        return served != null ? served : fallback.current();
      }
      return read();
    } finally {
      reading.unlock();
    }
  }

  private Served read() {
    try {
      PromptVersion v = PromptRegistry.PRODUCTION.equals(alias) ? seed.ensure()
          : registry.byAlias(seed.name(), alias).orElseGet(seed::ensure);
      if (served == null || served.version() == null || served.version() != v.version()) {
        LOG.info("prompt {}: alias {} now serves version {}", seed.name(), alias, v.version());
      }
      served = new Served(v.content(), seed.name() + "@" + alias + "=v" + v.version(), v.version());
    } catch (RuntimeException e) {
      LOG.warn("prompt {}: could not read alias {} ({}); serving {}", seed.name(), alias, e.getMessage(),
          served == null ? "the bundled file" : "version " + served.version());
    } finally {
      nextRead = clock.instant().plus(refresh);
    }
    return served == null ? fallback.current() : served;
  }
}
