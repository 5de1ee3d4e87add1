package io.datagent.jobmonitor.detect;

/** A job-level parameter of a run: its declared default and the value the run used (null when the default). */
public record JobParameter(String name, String defaultValue, String value) {

  public String effective() {
    return value != null ? value : defaultValue;
  }
}
