package io.datagent.ingestion.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time spent in each named step of a load, summed over endpoints: what {@code ./agent bench api} prints as its
 * breakdown. Not thread-safe (one load runs its steps in sequence); {@link #start()} then {@link #lap(String)} after
 * each step.
 */
public final class StepTimes {

  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private long last = System.nanoTime();

  /** Restarts the clock (the time since the last lap is not counted). */
  public void start() {
    last = System.nanoTime();
  }

  /** Adds the time since the last lap (or start) to {@code step}. */
  public void lap(String step) {
    long now = System.nanoTime();
    nanos.merge(step, now - last, Long::sum);
    last = now;
  }

  /** Adds {@code nanos} measured elsewhere (a step that ran beside others) to {@code step}. */
  public void add(String step, long nanos) {
    this.nanos.merge(step, nanos, Long::sum);
  }

  /** Step name to nanoseconds, in the order the steps first ran. */
  public Map<String, Long> nanos() {
    return new LinkedHashMap<>(nanos);
  }
}
