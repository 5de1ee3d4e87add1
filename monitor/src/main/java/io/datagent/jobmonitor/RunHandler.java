package io.datagent.jobmonitor;

import io.datagent.jobmonitor.act.Action;
import io.datagent.jobmonitor.act.Actuator;
import io.datagent.jobmonitor.act.DecisionMaker;
import io.datagent.jobmonitor.act.Plan;
import io.datagent.jobmonitor.classify.Classification;
import io.datagent.jobmonitor.classify.Evidence;
import io.datagent.jobmonitor.classify.Failure;
import io.datagent.jobmonitor.classify.FailureText;
import io.datagent.jobmonitor.classify.TriageClassifier;
import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.detect.RunOutput;
import io.datagent.jobmonitor.detect.TaskRun;
import io.datagent.jobmonitor.store.DecisionStore;
import io.datagent.jobmonitor.store.NewDecision;
import io.datagent.jobmonitor.store.RunLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one finished run: successful runs only go to the ledger; a failed run's failed tasks get their
 * output read and classified, the policy makes a plan, the plan is recorded as an intent (once per run and
 * attempt), and acted on at once when no back-off applies.
 */
public final class RunHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RunHandler.class);
  private static final int EXCERPT_CHARS = 1_500;
  private static final int STORED_TEXT_CHARS = 16_000;

  private final JobsClient jobs;
  private final TriageClassifier classifier;
  private final DecisionMaker maker;
  private final DecisionStore decisions;
  private final RunLedger ledger;
  private final Actuator actuator;
  private final Clock clock;

  public RunHandler(JobsClient jobs, TriageClassifier classifier, DecisionMaker maker, DecisionStore decisions,
      RunLedger ledger, Actuator actuator, Clock clock) {
    this.jobs = jobs;
    this.classifier = classifier;
    this.maker = maker;
    this.decisions = decisions;
    this.ledger = ledger;
    this.actuator = actuator;
    this.clock = clock;
  }

  /** For a webhook: reads the run and handles it if it has finished. */
  public void handleRunId(long runId) {
    JobRun run = jobs.getRun(runId);
    if (run.isTerminated() && !ledger.seen(run.runId(), run.attempt())) {
      handle(run);
    }
  }

  public void handle(JobRun listed) {
    JobRun run = listed.hasMoreTasks() ? jobs.getRun(listed.runId()) : listed;
    if (run.isFailed() && !decisions.exists(run.runId(), run.attempt())) {
      decide(run);
    }
    ledger.record(run);
  }

  private void decide(JobRun run) {
    List<TaskRun> failed = run.failedTasks();
    if (!failed.isEmpty() && failed.stream().allMatch(TaskRun::runsAnotherJob)) {
      delegated(run, failed);
      return;
    }
    failed = failed.stream().filter(t -> !t.runsAnotherJob()).toList();
    Triaged primary = null;
    List<Evidence> others = new ArrayList<>();
    if (failed.isEmpty()) {
      primary = triage(run, null);
    }
    for (TaskRun t : failed) {
      Triaged x = triage(run, t);
      if (primary == null || rank(x.plan.action()) < rank(primary.plan.action())) {
        if (primary != null) {
          others.add(new Evidence("task", primary.task, primary.classification.category().id()));
        }
        primary = x;
      } else {
        others.add(new Evidence("task", x.task, x.classification.category().id()));
      }
    }
    Classification c = primary.classification;
    if (!others.isEmpty()) {
      List<Evidence> all = new ArrayList<>(primary.classification.evidence());
      all.addAll(others);
      c = primary.classification.withEvidence(all);
    }
    final Classification chosen = c;
    String text = primary.text.text();
    NewDecision nd = new NewDecision(run.runId(), run.attempt(), run.jobId(), run.runName(),
        failed.stream().map(TaskRun::taskKey).toList(), run.runPageUrl(), jobs.jobUrl(run.jobId()), c, primary.plan,
        primary.text.failure().excerpt(EXCERPT_CHARS),
        text.length() > STORED_TEXT_CHARS ? text.substring(0, STORED_TEXT_CHARS) : text, run.latestRepairId());
    decisions.recordIntent(nd).ifPresent(d -> {
      LOG.info("Run {} ({}) attempt {}: {} ({}, confianza {}) → {} — {}", run.runId(), run.runName(), run.attempt(),
          chosen.category().id(), chosen.stage(), chosen.confidence(), d.plan().action(), d.plan().reason());
      if (!d.plan().notBefore().isAfter(clock.instant())) {
        actuator.act(d);
      }
    });
  }

  /**
   * A run whose only failures are {@code run_job_task}s (e.g. the weekly sweep that starts the ingestion job): the
   * child run fails, is detected and healed on its own; deciding here too would send a second email.
   */
  private void delegated(JobRun run, List<TaskRun> failed) {
    List<String> keys = failed.stream().map(TaskRun::taskKey).toList();
    Classification c = new Classification(io.datagent.jobmonitor.classify.Category.UNKNOWN, 1.0,
        io.datagent.jobmonitor.classify.Severity.LOW, "delegated",
        List.of(new Evidence("task", String.join(",", keys), "run_job_task")),
        "La tarea lanza otro job; su fallo se trata en la ejecución de ese job.", null, null, java.util.Map.of());
    Plan plan = new Plan(Action.IGNORE, java.util.Map.of(), clock.instant(),
        "No se hace nada aquí: el monitor decide sobre la ejecución del job hijo.");
    decisions.recordIntent(new NewDecision(run.runId(), run.attempt(), run.jobId(), run.runName(), keys, run.runPageUrl(),
        jobs.jobUrl(run.jobId()), c, plan, run.stateMessage(), null, run.latestRepairId())).ifPresent(actuator::act);
  }

  private Triaged triage(JobRun run, TaskRun task) {
    RunOutput out = RunOutput.EMPTY;
    String outputProblem = null;
    if (task != null) {
      try {
        out = jobs.getRunOutput(task.runId());
      } catch (RuntimeException e) {
        outputProblem = "no se pudo leer la salida de la tarea: " + e.getMessage();
      }
    }
    String code = run.terminationCode();
    if ((code == null || "RUN_EXECUTION_ERROR".equals(code)) && task != null && task.terminationCode() != null) {
      code = task.terminationCode();
    }
    String state = task != null && task.stateMessage() != null && !task.stateMessage().isBlank()
        ? task.stateMessage() : run.stateMessage();
    Failure f = new Failure(code, task != null && task.resultState() != null ? task.resultState() : run.resultState(),
        state, out.error(), out.errorTrace(), out.logs());
    Classification c = classifier.classify(f);
    if (outputProblem != null) {
      List<Evidence> ev = new ArrayList<>(c.evidence());
      ev.add(new Evidence("output", task.taskKey(), outputProblem));
      c = c.withEvidence(ev);
    }
    Plan plan = maker.plan(run.runName(), run.jobId(), run.attempt(), run.parameterValues(), c);
    return new Triaged(task == null ? "(run)" : task.taskKey(), new FailureText(f), c, plan);
  }

  /** Which task's plan leads when several failed: the one that needs a person most. */
  private static int rank(Action a) {
    return switch (a) {
      case ESCALATE -> 0;
      case SEND_EMAIL -> 1;
      case RETRY_WITH_NEW_PARAMS -> 2;
      case RETRY -> 3;
      case IGNORE -> 4;
    };
  }

  private record Triaged(String task, FailureText text, Classification classification, Plan plan) {}
}
