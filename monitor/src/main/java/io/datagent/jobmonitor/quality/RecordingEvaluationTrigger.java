package io.datagent.jobmonitor.quality;

import java.util.Map;

/** Locally (or with no evaluation job configured): the intervention is recorded and logged, nothing is started. */
public final class RecordingEvaluationTrigger implements EvaluationTrigger {

  @Override
  public Long start(long interventionId, Map<String, String> parameters) {
    return null;
  }

  @Override
  public String action() {
    return "RECORDED";
  }

  @Override
  public Long jobId() {
    return null;
  }
}
