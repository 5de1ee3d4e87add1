package io.datagent.jobmonitor.classify;

import java.util.Locale;

/**
 * A {@link Failure} prepared once for matching: the state message, error, the head of the error trace plus its
 * {@code Caused by:} lines (where the root cause of a Spark failure usually is) and the tail of the logs, bounded so
 * that a 5 MB log cannot slow triage down; and the same text in lower case for case-insensitive rules.
 */
public final class FailureText {

  private static final int ERROR_CHARS = 6_000;
  private static final int TRACE_HEAD_CHARS = 6_000;
  private static final int CAUSES_CHARS = 3_000;
  private static final int LOG_TAIL_CHARS = 4_000;

  private final Failure failure;
  private final String text;
  private final String lower;

  public FailureText(Failure failure) {
    this.failure = failure;
    StringBuilder sb = new StringBuilder();
    append(sb, failure.stateMessage(), 2_000, false);
    append(sb, failure.error(), ERROR_CHARS, false);
    String trace = failure.errorTrace();
    if (trace != null && !trace.isEmpty()) {
      append(sb, trace, TRACE_HEAD_CHARS, false);
      if (trace.length() > TRACE_HEAD_CHARS) {
        sb.append('\n').append(causes(trace.substring(TRACE_HEAD_CHARS)));
      }
    }
    append(sb, failure.logs(), LOG_TAIL_CHARS, true);
    this.text = sb.toString();
    this.lower = text.toLowerCase(Locale.ROOT);
  }

  public Failure failure() {
    return failure;
  }

  /** The bounded text every stage reads. */
  public String text() {
    return text;
  }

  public String lower() {
    return lower;
  }

  private static void append(StringBuilder sb, String s, int max, boolean tail) {
    if (s == null || s.isEmpty()) {
      return;
    }
    if (sb.length() > 0) {
      sb.append('\n');
    }
    if (s.length() <= max) {
      sb.append(s);
    } else if (tail) {
      sb.append(s, s.length() - max, s.length());
    } else {
      sb.append(s, 0, max);
    }
  }

  private static String causes(String rest) {
    StringBuilder out = new StringBuilder();
    int at = rest.indexOf("Caused by:");
    while (at >= 0 && out.length() < CAUSES_CHARS) {
      int end = rest.indexOf('\n', at);
      out.append(rest, at, end < 0 ? rest.length() : end).append('\n');
      at = end < 0 ? -1 : rest.indexOf("Caused by:", end);
    }
    return out.toString();
  }
}
