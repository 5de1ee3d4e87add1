package io.datagent.embedding;

import io.datagent.platform.PlatformException;
import io.datagent.platform.vectorsearch.IndexStatus;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Waits on the state of a TRIGGERED Vector Search index ({@link IndexStatus}), reading it with a growing pause between
 * reads, up to a deadline: for the sync this job asked to finish ({@link #await}), or for an update already running
 * when the job asked to end ({@link #awaitUpdateEnd}, see {@link IndexSync}).
 *
 * <p>Finished: the index is idle ({@code ONLINE_NO_PENDING_UPDATE}) and the sync was seen at work: its last processed
 * commit version moved past the one read before the sync, or an update state was read, or the index stayed idle for
 * {@code settle} after the sync (a sync with nothing new to read may never show an update). Failed: a
 * {@code *_FAILED} state, a 4xx on the read, or the deadline; each with a Spanish message naming the index. A read
 * with no answer or a 5xx counts as one more read to wait for. The failure state the index already showed before the
 * sync is not taken for the sync's own until an update was seen or {@code settle} passed (inferred, not documented:
 * the state may lag the accepted sync the way an idle index may never show a short update).
 */
final class IndexSyncWait {

  /**
   * How long and how often to look.
   *
   * @param timeout    the whole wait (keep it under the task's {@code timeout_seconds})
   * @param firstPause the pause before the first read; each next pause doubles, up to {@code maxPause}
   * @param maxPause   the longest pause
   * @param settle     how long an idle index with no sign of the sync still counts as not started
   */
  record Limits(Duration timeout, Duration firstPause, Duration maxPause, Duration settle) {
    static Limits defaults(Duration timeout) {
      return new Limits(timeout, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** The {@link System#nanoTime()} at which a wait starting now must end. */
    long deadline() {
      return System.nanoTime() + timeout.toNanos();
    }
  }

  private IndexSyncWait() {}

  /** {@link #await(String, IndexStatus, Function, Limits, long, Consumer)} with the whole timeout from now. */
  static IndexStatus await(String index, IndexStatus before, Function<String, IndexStatus> read, Limits limits,
      Consumer<String> log) {
    return await(index, before, read, limits, limits.deadline(), log);
  }

  /**
   * Waits until the sync asked just after {@code before} was read has finished; returns the last state read.
   *
   * @param before   the state read just before the sync, or null when it could not be read
   * @param read     reads the index's state now
   * @param deadline the {@link System#nanoTime()} to give up at
   */
  static IndexStatus await(String index, IndexStatus before, Function<String, IndexStatus> read, Limits limits,
      long deadline, Consumer<String> log) {
    long start = System.nanoTime();
    boolean[] sawUpdate = {false};
    return poll(index, before, read, limits, deadline, log, "no terminó de sincronizarse en %s", now -> {
      boolean settled = System.nanoTime() - start >= limits.settle().toNanos();
      if (now.failed()) {
        boolean stale = before != null && before.failed() && now.detailedState().equals(before.detailedState())
            && !sawUpdate[0] && !settled;
        if (stale) {
          return false;
        }
        throw new IllegalStateException("La sincronización del índice de Vector Search " + index + " falló ("
            + now.describe() + "). Revise los eventos del pipeline del índice en Databricks; los embeddings están "
            + "escritos y la próxima ejecución volverá a sincronizarlo.");
      }
      if (!now.idle()) {
        sawUpdate[0] = true;
        return false;
      }
      boolean advanced = before != null && before.lastProcessedVersion() != null && now.lastProcessedVersion() != null
          && now.lastProcessedVersion() > before.lastProcessedVersion();
      return advanced || sawUpdate[0] || settled;
    });
  }

  /**
   * Waits until an update the index was already running ends, idle or failed (a failed index accepts a new sync);
   * returns that state.
   */
  static IndexStatus awaitUpdateEnd(String index, IndexStatus busy, Function<String, IndexStatus> read, Limits limits,
      long deadline, Consumer<String> log) {
    return poll(index, busy, read, limits, deadline, log, "siguió ocupado con una actualización anterior a esta "
        + "sincronización durante %s",
        now -> now.idle() || now.failed());
  }

  private static IndexStatus poll(String index, IndexStatus last, Function<String, IndexStatus> read, Limits limits,
      long deadline, Consumer<String> log, String stillBusy, Predicate<IndexStatus> done) {
    Duration pause = limits.firstPause();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("El índice de Vector Search " + index + " "
            + stillBusy.formatted(seconds(limits.timeout())) + " (último estado: " + (last == null ? "desconocido"
            : last.describe()) + "). Los embeddings están escritos; el índice seguirá sincronizándose y la próxima "
            + "ejecución lo comprobará.");
      }
      sleep(Duration.ofNanos(Math.min(pause.toNanos(), left)));
      pause = pause.multipliedBy(2).compareTo(limits.maxPause()) > 0 ? limits.maxPause() : pause.multipliedBy(2);
      IndexStatus now;
      try {
        now = read.apply(index);
      } catch (PlatformException e) {
        if (!e.outcomeUnknown()) {
          throw new IllegalStateException("No se pudo consultar el estado del índice de Vector Search " + index + ": "
              + e.userMessage(), e);
        }
        log.accept("  índice " + index + ": sin respuesta al consultar su estado (" + e.getMessage()
            + "); se reintenta");
        continue;
      }
      last = now;
      log.accept("  índice " + index + ": " + now.describe());
      if (done.test(now)) {
        return now;
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(0, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("espera de la sincronización interrumpida", e);
    }
  }

  private static String seconds(Duration d) {
    return d.toSeconds() > 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
