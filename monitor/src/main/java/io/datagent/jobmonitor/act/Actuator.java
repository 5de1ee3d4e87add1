package io.datagent.jobmonitor.act;

import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.detect.JobsException;
import io.datagent.jobmonitor.detect.RepairRequest;
import io.datagent.jobmonitor.mail.FailureEmail;
import io.datagent.jobmonitor.mail.MailSender;
import io.datagent.jobmonitor.store.Decision;
import io.datagent.jobmonitor.store.DecisionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out recorded intents: claims a PENDING decision (PENDING → ACTING), acts (repair, email, nothing) and
 * completes it. A repair re-reads the run first and passes {@code latest_repair_id}, so a repair that already
 * happened (before a crash, or by a person) is never sent again. Transient failures go back to PENDING with a delay;
 * after {@link #MAX_TRIES} tries, or a refused repair, the people on the escalation list get an email instead.
 */
public final class Actuator {

  private static final Logger LOG = LoggerFactory.getLogger(Actuator.class);
  static final int MAX_TRIES = 5;

  private final DecisionStore store;
  private final JobsClient jobs;
  private final MailSender mail;
  private final FailureEmail email;
  private final Clock clock;
  private final java.util.concurrent.atomic.AtomicInteger actions = new java.util.concurrent.atomic.AtomicInteger();

  public Actuator(DecisionStore store, JobsClient jobs, MailSender mail, FailureEmail email, Clock clock) {
    this.store = store;
    this.jobs = jobs;
    this.mail = mail;
    this.email = email;
    this.clock = clock;
  }

  /** Acts on every intent whose back-off is over; returns how many were acted on. */
  public int actOnDue() {
    int n = 0;
    for (Decision d : store.due(clock.instant())) {
      if (act(d)) {
        n++;
      }
    }
    return n;
  }

  /** Claims and carries out one intent; false when another actor had claimed it. */
  public boolean act(Decision pending) {
    var claimed = store.claim(pending.id());
    if (claimed.isEmpty()) {
      return false;
    }
    Decision d = claimed.get();
    actions.incrementAndGet();
    try {
      switch (d.plan().action()) {
        case RETRY, RETRY_WITH_NEW_PARAMS -> repair(d);
        case SEND_EMAIL, ESCALATE -> email(d, d.plan().action() == Action.ESCALATE ? "ESCALATED" : "EMAIL_SENT",
            d.plan().reason());
        case IGNORE -> store.complete(d.id(), "IGNORED", d.plan().reason(), null);
      }
    } catch (Exception e) {
      LOG.warn("Decision {} (run {}, attempt {}): {} failed: {}", d.id(), d.runId(), d.attempt(), d.plan().action(), e.toString());
      boolean retryable = !(e instanceof JobsException je) || je.transientFailure();
      if (retryable && d.tries() < MAX_TRIES) {
        store.retryLater(d.id(), clock.instant().plus(Duration.ofSeconds(30L << Math.min(d.tries(), 6))), e.toString());
      } else if (d.plan().action().repairs()) {
        fallback(d, e);
      } else {
        store.fail(d.id(), "ACTION_FAILED", e.toString());
      }
    }
    return true;
  }

  /** How many intents this actuator has claimed and carried out (or tried to). */
  public int actions() {
    return actions.get();
  }

  private void repair(Decision d) {
    JobRun run = jobs.getRun(d.runId());
    if (run.attempt() > d.attempt()) {
      store.complete(d.id(), "ALREADY_REPAIRED", "La ejecución ya tenía la reparación " + run.latestRepairId()
          + " (hecha antes de un reinicio o por una persona); no se repite.", run.latestRepairId());
      return;
    }
    if (run.isActive()) {
      store.complete(d.id(), "ALREADY_RUNNING", "La ejecución volvió a estar activa; no se repara.", null);
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (!d.plan().parameters().isEmpty()) {
      params.putAll(run.parameterValues());
      params.putAll(d.plan().parameters());
    }
    long repairId = jobs.repairRun(new RepairRequest(d.runId(), run.latestRepairId(), List.of(), params));
    LOG.info("Run {} attempt {}: repair {} submitted ({}) {}", d.runId(), d.attempt(), repairId, d.plan().action(),
        d.plan().parameters());
    store.complete(d.id(), "REPAIR_SUBMITTED", "Reparación " + repairId + " enviada" +
        (d.plan().parameters().isEmpty() ? "." : " con " + d.plan().parameters() + "."), repairId);
  }

  private void email(Decision d, String outcome, String actionTaken) throws Exception {
    mail.send(email.render(d, actionTaken));
    LOG.info("Run {} attempt {}: {} via {}", d.runId(), d.attempt(), outcome, mail.describe());
    store.complete(d.id(), outcome, "Correo enviado por " + mail.describe(), null);
  }

  /** A repair that cannot be done: tell the escalation list instead (the decision row keeps the repair as planned). */
  private void fallback(Decision d, Exception cause) {
    try {
      JobRun run = jobs.getRun(d.runId());
      if (run.attempt() > d.attempt()) {
        store.complete(d.id(), "ALREADY_REPAIRED", "La reparación " + run.latestRepairId() + " ya existía.", run.latestRepairId());
        return;
      }
    } catch (RuntimeException ignored) {
      // fall through: we cannot even read the run, which is all the more reason to tell a person
    }
    Decision asEscalation = new Decision(d.id(), d.runId(), d.attempt(), d.jobId(), d.jobName(), d.taskKeys(),
        d.runPageUrl(), d.jobUrl(), d.classification(),
        new Plan(Action.ESCALATE, d.plan().parameters(), d.plan().notBefore(), d.plan().reason()), d.errorExcerpt(),
        d.failureText(), d.status(), d.expectedRepairId(), d.repairId(), d.outcome(), d.outcomeDetail(), d.tries(),
        d.resolution(), d.decidedAt(), d.actedAt(), d.completedAt(), d.resolvedAt(), d.label());
    try {
      email(asEscalation, "REPAIR_FAILED_ESCALATED",
          "Se intentó reparar la ejecución pero no fue posible (" + cause.getMessage() + "); se escala.");
    } catch (Exception e) {
      store.fail(d.id(), "ACTION_FAILED", cause + "; y el correo de escalado también falló: " + e);
    }
  }
}
