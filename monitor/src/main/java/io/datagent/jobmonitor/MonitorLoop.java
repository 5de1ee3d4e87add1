package io.datagent.jobmonitor;

import io.datagent.jobmonitor.act.Actuator;
import io.datagent.jobmonitor.act.Reconciler;
import io.datagent.jobmonitor.act.ResolutionTracker;
import io.datagent.jobmonitor.detect.RunDetector;
import io.datagent.jobmonitor.quality.QualitySupervisor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's heartbeat, on one thread: reconcile what a stopped process left ACTING, act on due intents, detect
 * newly finished runs, follow repairs to their end, act again, and measure the agent's quality when due. Each step
 * fails alone (logged, shown in the status); the next tick tries again.
 */
final class MonitorLoop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorLoop.class);
  private static final Duration STALE_ACTING = Duration.ofMinutes(10);

  private final String source;
  private final Duration interval;
  private final RunDetector detector;
  private final RunHandler handler;
  private final Actuator actuator;
  private final Reconciler reconciler;
  private final ResolutionTracker tracker;
  private final QualitySupervisor quality;
  private final Clock clock;
  private final Instant startedAt;
  private final AtomicLong ticks = new AtomicLong();
  private final AtomicInteger handled = new AtomicInteger();
  private volatile Instant lastTick;
  private volatile Instant lastPoll;
  private volatile String lastError;
  private volatile String lastQualityProblem;
  private final Object execLock = new Object();
  private volatile ScheduledExecutorService exec;

  MonitorLoop(String source, Duration interval, RunDetector detector, RunHandler handler, Actuator actuator,
      Reconciler reconciler, ResolutionTracker tracker, QualitySupervisor quality, Clock clock) {
    this.source = source;
    this.interval = interval;
    this.detector = detector;
    this.handler = handler;
    this.actuator = actuator;
    this.reconciler = reconciler;
    this.tracker = tracker;
    this.quality = quality;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  void start() {
    synchronized (execLock) {
      startLocked();
    }
  }

  private void startLocked() {
    if (exec != null) {
      return;
    }
    exec = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "datagent-monitor");
      t.setDaemon(true);
      return t;
    });
    exec.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("Monitor ({}) started: polling every {} s", source, interval.toSeconds());
  }

  void submit(Runnable r) {
    ExecutorService e = exec;
    Runnable safe = () -> step("webhook", () -> {
      r.run();
      return 0;
    });
    if (e == null) {
      synchronized (this) {
        safe.run();
      }
    } else {
      e.submit(safe);
    }
  }

  synchronized void tick() {
    String before = lastError;
    lastError = null;
    Instant staleBefore = ticks.get() == 0 ? startedAt : clock.instant().minus(STALE_ACTING);
    step("reconcile", () -> reconciler.reconcile(staleBefore));
    step("act", actuator::actOnDue);
    int n = step("detect", () -> detector.poll(handler::handle));
    handled.addAndGet(n);
    if (lastError == null) {
      lastPoll = clock.instant();
    }
    step("follow-up", () -> tracker.followUp(handler::handle));
    step("act", actuator::actOnDue);
    try {
      quality.checkIfDue();
      lastQualityProblem = null;
    } catch (RuntimeException e) {
      // app.traces may not exist yet (App not started once): not the job monitor's failure, log once per change
      if (!e.toString().equals(lastQualityProblem)) {
        LOG.warn("Agent quality not measured: {}", e.toString());
      }
      lastQualityProblem = e.toString();
    }
    lastTick = clock.instant();
    ticks.incrementAndGet();
    if (lastError != null && !lastError.equals(before)) {
      LOG.warn("Monitor tick: {}", lastError);
    }
  }

  private int step(String name, java.util.function.IntSupplier s) {
    try {
      return s.getAsInt();
    } catch (RuntimeException e) {
      lastError = name + ": " + e;
      LOG.debug("Monitor step {} failed", name, e);
      return 0;
    }
  }

  MonitorStatus status(String mail, boolean llm) {
    return new MonitorStatus(source, exec != null, lastTick, lastPoll, lastError != null ? lastError : lastQualityProblem,
        handled.get(), actuator.actions(), ticks.get(), interval.toSeconds(), mail, llm);
  }

  @Override
  public void close() {
    synchronized (execLock) {
      closeLocked();
    }
  }

  private void closeLocked() {
    if (exec != null) {
      // let a tick in progress finish its action (an interrupted repair would be retried, and refused, next time)
      exec.shutdown();
      try {
        if (!exec.awaitTermination(30, TimeUnit.SECONDS)) {
          exec.shutdownNow();
          exec.awaitTermination(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        exec.shutdownNow();
        Thread.currentThread().interrupt();
      }
      exec = null;
    }
  }
}
