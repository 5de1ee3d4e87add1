package io.datagent.evaluation.judge;

/**
 * The two judges' verdicts on one answer, with the judge model's name and what its calls cost (kept apart from the
 * agent's own tokens and cost).
 *
 * @param model the judge model or serving endpoint, or null when no judge ran
 */
public record Judgment(Verdict groundedness, Verdict relevance, String model, double cost) {

  /** No judge ran on this answer; {@code why} says why (no model, no free text). */
  public static Judgment notRun(String why) {
    return new Judgment(Verdict.notRun(why), Verdict.notRun(why), null, 0);
  }

  public static final Judgment NOT_RUN = notRun("sin modelo de lenguaje configurado");

  public boolean ran() {
    return groundedness.status() != Verdict.Status.NOT_RUN || relevance.status() != Verdict.Status.NOT_RUN;
  }

  public int promptTokens() {
    return groundedness.promptTokens() + relevance.promptTokens();
  }

  public int completionTokens() {
    return groundedness.completionTokens() + relevance.completionTokens();
  }

  public Judgment withCost(double c) {
    return new Judgment(groundedness, relevance, model, c);
  }
}
