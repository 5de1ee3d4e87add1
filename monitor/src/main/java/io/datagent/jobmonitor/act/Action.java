package io.datagent.jobmonitor.act;

/**
 * What the monitor does about a failed run. {@code RETRY} and {@code RETRY_WITH_NEW_PARAMS} repair the run
 * (re-running only the failed tasks); {@code SEND_EMAIL} tells the people who must act; {@code ESCALATE} also tells
 * the escalation list (retry budget spent, or a critical failure); {@code IGNORE} records and does nothing.
 */
public enum Action {
  RETRY, RETRY_WITH_NEW_PARAMS, SEND_EMAIL, ESCALATE, IGNORE;

  public boolean repairs() {
    return this == RETRY || this == RETRY_WITH_NEW_PARAMS;
  }

  public static Action parse(String s) {
    for (Action a : values()) {
      if (a.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException("'" + s + "' is not an action; use one of "
        + java.util.Arrays.toString(values()));
  }
}
