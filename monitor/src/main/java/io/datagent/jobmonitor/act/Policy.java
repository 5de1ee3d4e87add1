package io.datagent.jobmonitor.act;

import java.util.Map;

/**
 * What to do with one category of failure: the action, the retry budget of a run (how many repairs it may get
 * before the monitor escalates) and, for {@code RETRY_WITH_NEW_PARAMS}, how job parameters change.
 */
public record Policy(Action action, int maxRetries, Map<String, ParamChange> parameters) {

  public Policy {
    parameters = Map.copyOf(parameters);
  }
}
