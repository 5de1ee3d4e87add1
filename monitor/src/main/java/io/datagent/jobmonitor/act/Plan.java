package io.datagent.jobmonitor.act;

import java.time.Instant;
import java.util.Map;

/**
 * What the monitor will do about one (run, attempt): the action, the job parameters of a repair, when (after the
 * back-off) and why, in Spanish.
 */
public record Plan(Action action, Map<String, String> parameters, Instant notBefore, String reason) {

  public Plan {
    parameters = Map.copyOf(parameters);
  }
}
