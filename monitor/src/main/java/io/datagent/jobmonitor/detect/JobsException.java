package io.datagent.jobmonitor.detect;

/** A jobs service call that failed; {@link #transientFailure()} says whether trying again later may work. */
public class JobsException extends RuntimeException {

  private final boolean transientFailure;

  public JobsException(String message, boolean transientFailure) {
    super(message);
    this.transientFailure = transientFailure;
  }

  public boolean transientFailure() {
    return transientFailure;
  }
}
