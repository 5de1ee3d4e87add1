package io.datagent.jobmonitor.classify;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How bad a failure is; {@link #CRITICAL} always escalates, whatever the category's policy says. */
public enum Severity {
  LOW, MEDIUM, HIGH, CRITICAL;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String s) {
    for (Severity v : values()) {
      if (v.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("'" + s + "' is not a severity; use one of "
        + Arrays.toString(Arrays.stream(values()).map(Severity::id).toArray()));
  }
}
