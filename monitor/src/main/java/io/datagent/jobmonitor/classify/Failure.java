package io.datagent.jobmonitor.classify;

/**
 * What is known about one failed task run: the run's termination code and result state, its state message, and the
 * task's output (error, error trace, logs). Any field may be null; {@code ./agent triage} fills only {@code error}.
 */
public record Failure(
    String terminationCode, String resultState, String stateMessage, String error, String errorTrace, String logs) {

  /** A bare failure text, as read by {@code ./agent triage}. */
  public static Failure ofText(String text) {
    return new Failure(null, null, null, text, null, null);
  }

  /** The first lines of the error a person should see in an email (never the whole trace). */
  public String excerpt(int maxChars) {
    String base = error != null && !error.isBlank() ? error
        : stateMessage != null && !stateMessage.isBlank() ? stateMessage
        : errorTrace != null ? errorTrace : logs == null ? "" : logs;
    String s = base.strip();
    return s.length() <= maxChars ? s : s.substring(0, maxChars) + "…";
  }
}
