package io.datagent.jobmonitor.detect;

import io.datagent.jobmonitor.store.CheckpointStore;
import io.datagent.jobmonitor.store.RunLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds runs that finished since the persisted checkpoint, without missing one or handing one over twice.
 *
 * <p>{@code runs/list} filters on <em>start</em> time, so the checkpoint is a start-time watermark: every run that
 * started before it has finished and been handled. Each poll lists the active runs first, then the completed runs
 * that started at or after the watermark; runs already in the ledger (same run, same attempt) are skipped; then
 * the watermark moves to the start of the oldest run still active (or to now minus a settling margin). A crash
 * before the ledger write means the run is listed again, and the decision's unique (run, attempt) key stops a
 * second action.
 */
public final class RunDetector {

  private final String source;
  private final JobRunSource runs;
  private final CheckpointStore checkpoints;
  private final RunLedger ledger;
  private final Clock clock;
  private final Duration firstLookback;
  private final Duration settle;

  public RunDetector(String source, JobRunSource runs, CheckpointStore checkpoints, RunLedger ledger, Clock clock,
      Duration firstLookback, Duration settle) {
    this.source = source;
    this.runs = runs;
    this.checkpoints = checkpoints;
    this.ledger = ledger;
    this.clock = clock;
    this.firstLookback = firstLookback;
    this.settle = settle;
  }

  public String source() {
    return source;
  }

  /** Hands each newly finished run to {@code handler} (oldest end first); returns how many. */
  public int poll(Consumer<JobRun> handler) {
    long now = clock.millis();
    long watermark = checkpoints.load(source).orElse(now - firstLookback.toMillis());
    long oldestActive = Long.MAX_VALUE;
    for (JobRun r : runs.listAll(RunQuery.active())) {
      if (r.startTime() > 0) {
        oldestActive = Math.min(oldestActive, r.startTime());
      }
    }
    // the settling margin again below the watermark: a run listed late is still found (the ledger drops repeats)
    List<JobRun> done = runs.listAll(RunQuery.completedSince(watermark - settle.toMillis())).stream()
        .filter(JobRun::isTerminated)
        .sorted(Comparator.comparingLong(JobRun::endTime).thenComparingLong(JobRun::runId))
        .toList();
    int handled = 0;
    for (JobRun r : done) {
      if (!ledger.seen(r.runId(), r.attempt())) {
        handler.accept(r);
        handled++;
      }
    }
    long next = Math.min(oldestActive, now - settle.toMillis());
    checkpoints.save(source, Math.max(watermark, next));
    return handled;
  }
}
