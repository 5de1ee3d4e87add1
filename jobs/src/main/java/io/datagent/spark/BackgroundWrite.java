package io.datagent.spark;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A table write run beside another one: two independent Spark jobs overlap each one's driver-side phases (planning,
 * Delta snapshot and commit) with the other's tasks.
 */
public final class BackgroundWrite {

  private BackgroundWrite() {}

  /** Runs {@code work} on a new daemon thread (Spark's job properties are inherited by it). */
  public static Future<Void> start(String name, Callable<Void> work) {
    FutureTask<Void> task = new FutureTask<>(work);
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
    return task;
  }

  /**
   * Waits for a background write. Its failure becomes the caller's; when the caller is already failing
   * ({@code rethrow} false) it is not rethrown, so the caller's failure stays the reported one.
   */
  public static void await(Future<Void> write, boolean rethrow) throws Exception {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          write.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (!rethrow) {
            return;
          }
          Throwable c = e.getCause();
          if (c instanceof Exception ex) {
            throw ex;
          }
          if (c instanceof Error err) {
            throw err;
          }
          throw e;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
