package io.datagent.jobmonitor.detect;

/** What {@code runs/get-output} returns for one task run: the error, its trace and the task's stdout/stderr. */
public record RunOutput(String error, String errorTrace, String logs, boolean logsTruncated) {

  public static final RunOutput EMPTY = new RunOutput(null, null, null, false);
}
