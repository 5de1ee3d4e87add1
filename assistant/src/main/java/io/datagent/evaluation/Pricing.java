package io.datagent.evaluation;

/**
 * What a model's tokens cost, in US dollars per million tokens read and written; {@link #NONE} when unknown (the
 * cost is then reported as 0, the token counts still are).
 */
public record Pricing(double inputPerMillion, double outputPerMillion) {

  public static final Pricing NONE = new Pricing(0, 0);

  public Pricing {
    if (inputPerMillion < 0 || outputPerMillion < 0) {
      throw new IllegalArgumentException("el precio por millón de tokens no puede ser negativo");
    }
  }

  public double cost(long promptTokens, long completionTokens) {
    return (promptTokens * inputPerMillion + completionTokens * outputPerMillion) / 1e6;
  }

  /** From {@code DATAGENT_EVAL_PRICE_IN} / {@code DATAGENT_EVAL_PRICE_OUT} values (null or blank: 0). */
  public static Pricing of(String in, String out) {
    return new Pricing(parse(in, "DATAGENT_EVAL_PRICE_IN"), parse(out, "DATAGENT_EVAL_PRICE_OUT"));
  }

  private static double parse(String v, String key) {
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " no es un número: " + v);
    }
  }
}
