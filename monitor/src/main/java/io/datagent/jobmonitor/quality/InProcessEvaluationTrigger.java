package io.datagent.jobmonitor.quality;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locally: the optimisation runs in this process, on {@code executor}, and its outcome (status and scores before and
 * after) is written to the intervention when it ends. A run the process did not finish leaves the intervention
 * STARTED: nothing was promoted (promotion is the run's last step).
 */
public final class InProcessEvaluationTrigger implements EvaluationTrigger {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessEvaluationTrigger.class);

  private final Function<Map<String, String>, InterventionOutcome> job;
  private final QualityStore store;
  private final ExecutorService executor;

  public InProcessEvaluationTrigger(Function<Map<String, String>, InterventionOutcome> job, QualityStore store,
      ExecutorService executor) {
    this.job = job;
    this.store = store;
    this.executor = executor;
  }

  @Override
  public Long start(long interventionId, Map<String, String> parameters) {
    Map<String, String> params = Map.copyOf(parameters);
    executor.submit(() -> {
      InterventionOutcome out;
      try {
        out = job.apply(params);
      } catch (RuntimeException e) {
        LOG.error("Optimization for intervention {} failed", interventionId, e);
        out = new InterventionOutcome("FAILED", "La optimización falló: " + e.getMessage(), null, null);
      }
      store.finish(interventionId, out);
    });
    return null;
  }

  @Override
  public String action() {
    return "IN_PROCESS";
  }

  @Override
  public Long jobId() {
    return null;
  }

  @Override
  public boolean inProcess() {
    return true;
  }
}
