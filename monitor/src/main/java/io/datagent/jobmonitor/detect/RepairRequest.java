package io.datagent.jobmonitor.detect;

import java.util.List;
import java.util.Map;

/**
 * A {@code runs/repair} request: re-run only the failed tasks of {@code runId}, with new job parameters.
 *
 * <p>NOTE: {@code latestRepairId} is the API's optimistic lock: the repair is refused if someone repaired the run
 * since we looked, which is what makes a repeated request after a crash harmless.
 */
public record RepairRequest(long runId, Long latestRepairId, List<String> rerunTasks, Map<String, String> jobParameters) {

  public RepairRequest {
    rerunTasks = List.copyOf(rerunTasks);
    jobParameters = Map.copyOf(jobParameters);
  }
}
