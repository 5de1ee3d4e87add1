package io.datagent.jobmonitor.act;

/**
 * How one job parameter changes on a {@code RETRY_WITH_NEW_PARAMS}: {@code halve}, {@code double} or {@code set}
 * a value, within [{@code min}, {@code max}]. {@code auto} is the number assumed when the current value is 0 or blank
 * ("automatic", like IngestJob's {@code parallelism}).
 */
public record ParamChange(String op, String value, int auto, int min, int max) {

  public ParamChange {
    if (!op.equals("halve") && !op.equals("double") && !op.equals("set")) {
      throw new IllegalArgumentException("op must be halve, double or set, got '" + op + "'");
    }
    if (op.equals("set") && (value == null || value.isBlank())) {
      throw new IllegalArgumentException("op set needs a value");
    }
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " is above max " + max);
    }
  }

  /** The new value for {@code current}, or null when it cannot change (already at its bound). */
  public String apply(String current) {
    if (op.equals("set")) {
      return value.equals(current) ? null : value;
    }
    int now;
    try {
      now = current == null || current.isBlank() ? 0 : Integer.parseInt(current.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    int base = now <= 0 ? auto : now;
    int next = op.equals("halve") ? base / 2 : base * 2;
    next = Math.max(min, Math.min(max, next));
    return next == now ? null : String.valueOf(next);
  }
}
