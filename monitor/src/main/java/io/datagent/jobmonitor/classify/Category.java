package io.datagent.jobmonitor.classify;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What kind of failure a job run had; the policy (retry, new parameters, email...) is chosen per category.
 *
 * <p>{@link #CANCELLED} is a run stopped by a person: nothing to heal. {@link #UNKNOWN} is what the classifier says
 * when neither the termination code, the error catalogues, the rules nor the LLM gave a confident answer.
 */
public enum Category {
  TIMEOUT, RESOURCE, PERMISSION, SYNTAX, NETWORK, DATA, CODE, CONCURRENCY, CANCELLED, UNKNOWN;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code resource}, {@code RESOURCE}...; throws with the list of valid names. */
  public static Category parse(String s) {
    for (Category c : values()) {
      if (c.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException("'" + s + "' is not a category; use one of " + names());
  }

  public static String names() {
    return Arrays.toString(Arrays.stream(values()).map(Category::id).toArray());
  }
}
