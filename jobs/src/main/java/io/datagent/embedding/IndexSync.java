package io.datagent.embedding;

import io.datagent.platform.PlatformException;
import io.datagent.platform.vectorsearch.IndexStatus;
import java.util.function.Consumer;

/**
 * Sync then wait: the one path by which EmbedJob and IndexSyncJob bring a TRIGGERED Vector Search index up to the
 * embeddings just written. Starts a sync ({@code POST /api/2.0/vector-search/indexes/{name}/sync}) and waits until the
 * index reports it finished ({@link IndexSyncWait}), within one deadline for the whole.
 *
 * <p><b>A sync asked while the index is busy.</b> What is known, and from where:
 * <ul>
 *   <li>Documented (Databricks REST reference, "Sync Vector Index"): the endpoint triggers a synchronization of a
 *       Delta Sync index and answers {@code {}}. Its error answers are not documented.</li>
 *   <li>Reported by users, not documented (natefleming/dao-ai pull request 269; the same text is matched in other
 *       public job code): while the index's pipeline runs, the sync is refused with HTTP 400, "Index is not ready to
 *       sync yet. Pipeline is in state RUNNING and needs to be in one of the following states to sync: COMPLETED,
 *       FAILED, CANCELED." The Python SDK raised its plain {@code BadRequest} for it, so the {@code error_code} is
 *       none the SDK maps to a subclass ({@code INVALID_STATE}, {@code INVALID_PARAMETER_VALUE}…); the testkit's
 *       fake answers {@code BAD_REQUEST}, an inference. That the same refusal comes while the index is
 *       {@code PROVISIONING_*} (its pipeline runs too) is also inferred.</li>
 *   <li>Documented for online tables, whose states have the same names (databricks-sdk-java
 *       {@code catalog.OnlineTableState} and {@code TriggeredUpdateStatus}): {@code ONLINE_NO_PENDING_UPDATE} is idle;
 *       {@code ONLINE_TRIGGERED_UPDATE}, {@code ONLINE_UPDATING_PIPELINE_RESOURCES} and {@code PROVISIONING_*} are at
 *       work; {@code OFFLINE_FAILED} and {@code ONLINE_PIPELINE_FAILED} are a failed pipeline; the
 *       {@code last_processed_commit_version} "may not be completely synced yet". That a Vector Search index reports
 *       the same {@code detailed_state} names is observed (the Python client's {@code describe()}, see
 *       {@link IndexStatus}), not documented: the typed {@code VectorIndexStatus} has only {@code ready},
 *       {@code message}, {@code indexed_row_count} and {@code index_url}.</li>
 * </ul>
 *
 * <p>Decision (inference): a refused sync (400 or 409) is judged by the index's state, never by the error's text or
 * code: when the index is at work, wait for that update to end, then sync again, so that the rows this run committed
 * are read even when the running update started before the commit. Nothing documented tells when the running update
 * started, or up to which source version it reads, so it is never taken as covering this run's commit; a second
 * triggered update with nothing new to read costs little. A refusal while the index is idle or failed is the index's
 * answer (not a Delta Sync index, no permission…) and fails at once, after one retry for an update that ended between
 * the refusal and the read.
 */
final class IndexSync {

  private IndexSync() {}

  /** Syncs {@code index} and waits for the sync to finish; returns the last state read. */
  static IndexStatus syncAndWait(JobWorkspace workspace, String index, IndexSyncWait.Limits limits,
      Consumer<String> log) {
    long deadline = limits.deadline();
    IndexStatus before = statusOrNull(workspace, index, log);
    boolean retriedIdle = false;
    while (true) {
      PlatformException refused = start(workspace, index);
      if (refused == null) {
        break;
      }
      IndexStatus now = statusOrNull(workspace, index, log);
      if (now == null || ((now.idle() || now.failed()) && retriedIdle)) {
        throw failure(index, refused);
      }
      if (now.idle() || now.failed()) {
        retriedIdle = true;
        before = now;
        continue;
      }
      log.accept("  índice de Vector Search " + index + ": ya se está actualizando (" + now.describe() + "); se "
          + "espera a que termine y se sincroniza de nuevo, para que incluya los embeddings recién escritos");
      before = IndexSyncWait.awaitUpdateEnd(index, now, workspace::indexStatus, limits, deadline, log);
    }
    log.accept("  índice de Vector Search " + index + ": sincronización iniciada");
    return IndexSyncWait.await(index, before, workspace::indexStatus, limits, deadline, log);
  }

  /**
   * For EmbedJob's run that changed no vector: an index whose last update failed (an earlier run's sync, or this
   * task's first attempt, which the task's retry would otherwise hide) is synced again and waited for; an index in any
   * other state, or whose state cannot be read, is left alone, as before.
   */
  static void resyncIfFailed(JobWorkspace workspace, String index, IndexSyncWait.Limits limits, Consumer<String> log) {
    IndexStatus now;
    try {
      now = workspace.indexStatus(index);
    } catch (RuntimeException e) {
      log.accept("  índice de Vector Search " + index + ": no se pudo leer su estado (" + e.getMessage() + ")");
      return;
    }
    if (!now.failed()) {
      log.accept("  índice de Vector Search " + index + ": " + now.describe() + "; nada nuevo que sincronizar");
      return;
    }
    log.accept("  índice de Vector Search " + index + ": la última actualización falló (" + now.describe()
        + "); se sincroniza de nuevo");
    log.accept(finished(index, syncAndWait(workspace, index, limits, log)));
  }

  /** The line that says the sync finished. */
  static String finished(String index, IndexStatus done) {
    return "índice " + index + ": sincronización terminada (" + done.describe() + ")";
  }

  /** Asks for the sync: null when accepted, the refusal when the workspace said no in a way the state may explain. */
  private static PlatformException start(JobWorkspace workspace, String index) {
    try {
      workspace.syncIndex(index);
      return null;
    } catch (PlatformException e) {
      if (e.status() == 400 || e.status() == 409) {
        return e;
      }
      throw failure(index, e);
    } catch (RuntimeException e) {
      throw failure(index, e);
    }
  }

  private static IllegalStateException failure(String index, RuntimeException e) {
    return new IllegalStateException("Los embeddings se escribieron, pero no se pudo sincronizar el índice de Vector "
        + "Search " + index + ": " + e.getMessage() + ". Compruebe que el índice existe y que la identidad del job "
        + "puede gestionarlo; el índice se pondrá al día en la próxima ejecución.", e);
  }

  /** The index's state now, or null (logged) when it cannot be read: the sync itself then says why. */
  private static IndexStatus statusOrNull(JobWorkspace workspace, String index, Consumer<String> log) {
    try {
      return workspace.indexStatus(index);
    } catch (RuntimeException e) {
      log.accept("  índice de Vector Search " + index + ": no se pudo leer su estado (" + e.getMessage() + ")");
      return null;
    }
  }
}
