package io.datagent.local.agent;

import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutionException.Kind;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many statements may run on the local Spark at once: at most {@code perUser} for one user and {@code global}
 * in all. A statement beyond either limit waits up to {@code slotWait} for a slot, then is refused. Statements of no
 * user in particular (the command line, the App's catalog pages: {@code user} null) only count in the global limit. A slot is given back
 * only when Spark has really finished the statement (for a cancelled one: when the watchdog saw its job group idle),
 * so queries that ignore a cancel still count against their user.
 */
final class QuerySlots {

  /** The limits; {@link #defaults()}: 2 per user, max(4, cores) in all, 10 s of waiting. */
  record Limits(int perUser, int global, Duration slotWait) {

    static Limits defaults() {
      return new Limits(2, Math.max(4, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(10));
    }
  }

  /** One taken slot; {@link #release()} is idempotent. */
  static final class Slot {
    private final Semaphore user; // null: no user's limit
    private final Semaphore global;
    private final AtomicBoolean released = new AtomicBoolean();

    private Slot(Semaphore user, Semaphore global) {
      this.user = user;
      this.global = global;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        global.release();
        if (user != null) {
          user.release();
        }
      }
    }
  }

  private final Limits limits;
  private final Semaphore global;
  private final ConcurrentHashMap<String, Semaphore> users = new ConcurrentHashMap<>();

  QuerySlots(Limits limits) {
    if (limits.perUser() < 1 || limits.global() < 1) {
      throw new IllegalArgumentException("query limits must be at least 1: " + limits);
    }
    this.limits = limits;
    this.global = new Semaphore(limits.global(), true);
  }

  Limits limits() {
    return limits;
  }

  /**
   * Takes a slot for the user (null: only the global limit), waiting up to the limit's wait; refuses with a Spanish
   * message otherwise.
   */
  Slot acquire(String user) throws SqlExecutionException {
    Semaphore mine = user == null ? null : users.computeIfAbsent(user, u -> new Semaphore(limits.perUser(), true));
    long deadline = System.nanoTime() + limits.slotWait().toNanos();
    try {
      if (mine != null && !mine.tryAcquire(limits.slotWait().toNanos(), TimeUnit.NANOSECONDS)) {
        throw new SqlExecutionException(Kind.UNAVAILABLE, "Hay demasiadas consultas en curso para este usuario (máximo "
            + limits.perUser() + " a la vez). Espere a que terminen y vuelva a preguntar.");
      }
      if (!global.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        if (mine != null) {
          mine.release();
        }
        throw new SqlExecutionException(Kind.UNAVAILABLE, "Hay demasiadas consultas en curso en este equipo (máximo "
            + limits.global() + " a la vez). Vuelva a intentarlo en unos segundos.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SqlExecutionException(Kind.TIMEOUT, "Consulta interrumpida.", e);
    }
    return new Slot(mine, global);
  }

  /** Slots the user holds now (tests). */
  int running(String user) {
    Semaphore s = users.get(user);
    return s == null ? 0 : limits.perUser() - s.availablePermits();
  }
}
