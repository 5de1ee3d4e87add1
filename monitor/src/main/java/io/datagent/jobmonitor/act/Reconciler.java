package io.datagent.jobmonitor.act;

import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.store.Decision;
import io.datagent.jobmonitor.store.DecisionStore;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles decisions a stopped process left ACTING, from the run's state rather than by acting again: a repair that
 * shows in the run's repair history is completed; one that does not is put back to PENDING (it never left, and the
 * next attempt carries {@code latest_repair_id}); an email that may or may not have left is not resent (at most
 * once: the row says so).
 */
public final class Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final DecisionStore store;
  private final JobsClient jobs;
  private final Clock clock;

  public Reconciler(DecisionStore store, JobsClient jobs, Clock clock) {
    this.store = store;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** Reconciles decisions that went ACTING before {@code actedBefore}; returns how many. */
  public int reconcile(Instant actedBefore) {
    int n = 0;
    for (Decision d : store.acting(actedBefore)) {
      try {
        reconcile(d);
        n++;
      } catch (RuntimeException e) {
        LOG.warn("Could not reconcile decision {} (run {}): {}", d.id(), d.runId(), e.toString());
      }
    }
    return n;
  }

  private void reconcile(Decision d) {
    if (d.plan().action().repairs()) {
      JobRun run = jobs.getRun(d.runId());
      if (run.attempt() > d.attempt()) {
        LOG.info("Decision {}: repair {} found in run {}; completed without repeating it", d.id(), run.latestRepairId(), d.runId());
        store.complete(d.id(), "REPAIR_SUBMITTED", "Reparación " + run.latestRepairId()
            + " confirmada en el historial de la ejecución al reanudar el monitor.", run.latestRepairId());
      } else {
        LOG.info("Decision {}: run {} shows no repair; the intent goes back to PENDING", d.id(), d.runId());
        store.retryLater(d.id(), clock.instant(), "La reparación no llegó a enviarse antes de un reinicio; se envía ahora.");
      }
    } else if (d.plan().action() == Action.IGNORE) {
      store.complete(d.id(), "IGNORED", d.plan().reason(), null);
    } else {
      store.complete(d.id(), "EMAIL_UNCONFIRMED", "El monitor se detuvo mientras enviaba el correo; no se reenvía "
          + "para no duplicarlo. Compruebe la bandeja de los destinatarios.", null);
    }
  }
}
