package io.datagent.jobmonitor.act;

import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.detect.RepairEntry;
import io.datagent.jobmonitor.store.Decision;
import io.datagent.jobmonitor.store.DecisionStore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows repaired runs to their end: HEALED when the repair succeeded, FAILED_AGAIN when it failed (the new
 * attempt is then handed back to triage, whose policy decides again, with one retry less in the budget).
 */
public final class ResolutionTracker {

  private static final Logger LOG = LoggerFactory.getLogger(ResolutionTracker.class);

  private final DecisionStore store;
  private final JobsClient jobs;

  public ResolutionTracker(DecisionStore store, JobsClient jobs) {
    this.store = store;
    this.jobs = jobs;
  }

  /** Checks every unresolved repair; failed-again runs go to {@code triage}. Returns how many were resolved. */
  public int followUp(Consumer<JobRun> triage) {
    int n = 0;
    for (Decision d : store.unresolvedRepairs()) {
      try {
        JobRun run = jobs.getRun(d.runId());
        if (run.isActive()) {
          continue;
        }
        RepairEntry repair = run.repairs().stream().filter(r -> d.repairId() != null && r.id() == d.repairId())
            .findFirst().orElse(null);
        if (run.attempt() <= d.attempt()) {
          store.resolve(d.id(), "NOT_EXECUTED");
          continue;
        }
        if (repair != null && repair.lifeCycleState() != null && isActive(repair.lifeCycleState())) {
          continue;
        }
        String resolution = run.isFailed() ? "FAILED_AGAIN" : "HEALED";
        store.resolve(d.id(), resolution);
        LOG.info("Run {} after repair {}: {}", d.runId(), d.repairId(), resolution);
        n++;
        if (run.isFailed()) {
          triage.accept(run);
        }
      } catch (RuntimeException e) {
        LOG.warn("Could not follow up run {}: {}", d.runId(), e.toString());
      }
    }
    return n;
  }

  private static boolean isActive(String life) {
    return switch (life) {
      case "QUEUED", "PENDING", "RUNNING", "TERMINATING", "BLOCKED", "WAITING" -> true;
      default -> false;
    };
  }
}
