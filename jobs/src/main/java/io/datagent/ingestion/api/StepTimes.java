package io.datagent.ingestion.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time spent in each named step of a load, summed over endpoints, and the CPU time the whole process used
 * meanwhile (every thread: the driver's and the Spark tasks'): what {@code ./agent bench api} prints as its
 * breakdown. CPU time above wall time means the step kept more than one core busy. Not thread-safe (one load runs its
 * steps in sequence); {@link #start()} then {@link #lap(String)} after each step.
 */
public final class StepTimes {

  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private final Map<String, Long> cpu = new LinkedHashMap<>();
  private long last = System.nanoTime();
  private long lastCpu = processCpuNanos();

  /** Restarts the clock (the time since the last lap is not counted). */
  public void start() {
    last = System.nanoTime();
    lastCpu = processCpuNanos();
  }

  /** Adds the time since the last lap (or start) to {@code step}. */
  public void lap(String step) {
    long now = System.nanoTime();
    long nowCpu = processCpuNanos();
    nanos.merge(step, now - last, Long::sum);
    cpu.merge(step, nowCpu - lastCpu, Long::sum);
    last = now;
    lastCpu = nowCpu;
  }

  /** Step name to the process CPU nanoseconds used during it (absent for steps only {@link #add}ed). */
  public Map<String, Long> cpuNanos() {
    return new LinkedHashMap<>(cpu);
  }

  /** CPU time of this JVM, all threads; -1 where the platform does not report it. */
  public static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
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
