package io.datagent.jobmonitor.local;

import io.datagent.jobmonitor.detect.JobRun;
import io.datagent.jobmonitor.detect.RunOutput;

/**
 * Runs a local repair: the local runtime re-runs the recorded {@code ./agent} command with the new job parameters
 * (it has Spark; this module does not). {@link #recordOnly} just closes the repair as not executed.
 */
public interface LocalRepairs {

  /**
   * Carries out the repair the files already show as PENDING ({@code run.repairs()}'s last entry), then records the
   * result with {@link LocalRunFiles#finish}. May run asynchronously.
   */
  void execute(LocalRunFiles files, JobRun repaired, LocalCommand command);

  /** Records the repair request and closes it as failed "not executed" (no local runner available). */
  static LocalRepairs recordOnly() {
    return (files, run, cmd) -> files.finish(run.runId(), false, "INVALID_RUN_CONFIGURATION",
        "Reparación registrada sin ejecutor local: vuelva a lanzar ./agent " + (cmd == null ? "" : cmd.command())
            + " con los parámetros " + run.parameterValues(),
        new RunOutput("Reparación no ejecutada: este proceso no tiene el runtime local para relanzar el comando.", null, null, false));
  }
}
