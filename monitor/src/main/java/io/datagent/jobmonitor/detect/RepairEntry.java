package io.datagent.jobmonitor.detect;

import java.util.List;

/** One item of a run's {@code repair_history}: the {@code ORIGINAL} run or a {@code REPAIR}, with its state. */
public record RepairEntry(
    String type, long id, long startTime, long endTime, String lifeCycleState, String resultState,
    List<Long> taskRunIds) {

  public RepairEntry {
    taskRunIds = taskRunIds == null ? List.of() : List.copyOf(taskRunIds);
  }

  public boolean isRepair() {
    return "REPAIR".equals(type);
  }
}
