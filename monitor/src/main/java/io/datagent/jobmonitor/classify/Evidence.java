package io.datagent.jobmonitor.classify;

/**
 * Why the classifier said what it said: which stage looked, what it matched ({@code ref}: a termination code, a
 * Spark/Delta error class, a rule id, {@code llm}) and a short detail (the SQLSTATE, the matched text...).
 */
public record Evidence(String stage, String ref, String detail) {

  public static final String TERMINATION = "termination";
  public static final String ERROR_CLASS = "error-class";
  public static final String SIGNAL = "signal";
  public static final String RULE = "rule";
  public static final String LLM = "llm";

  @Override
  public String toString() {
    return stage + ":" + ref + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
  }
}
