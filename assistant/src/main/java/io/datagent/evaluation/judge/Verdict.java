package io.datagent.evaluation.judge;

/**
 * What one judge said about one answer.
 *
 * @param status {@link Status#JUDGED} with a score; otherwise the score is null and the answer is neither passed nor
 *     failed by this judge (it counts apart, never as a pass nor as zero)
 * @param score 1 to 5 as the judge gave it, or null
 * @param rationale the judge's short reason; for a reply that is not a verdict, what was wrong with it; for a judge
 *     that could not be reached, why
 * @param prompt which judge prompt (registry name and version, or the bundled file's hash) was used, or null
 */
public record Verdict(Status status, Integer score, String rationale, String prompt, int promptTokens,
    int completionTokens) {

  /** How a judge's verdict came out. */
  public enum Status {
    /** A valid reply: a score and a rationale. */
    JUDGED("juzgada"),
    /** The judge answered, but not with the strict JSON asked for. */
    INVALID("juez sin respuesta válida"),
    /** The judge's endpoint failed (429, 5xx, timeout) on every attempt. */
    FAILED("juez no disponible"),
    /** No judge ran: no model configured, or the answer has no free text to judge. */
    NOT_RUN("no juzgada");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** The Spanish label printed in reports. */
    public String label() {
      return label;
    }
  }

  public Verdict {
    if (status == Status.JUDGED && (score == null || score < 1 || score > 5)) {
      throw new IllegalArgumentException("a judged verdict needs a score from 1 to 5");
    }
    if (status != Status.JUDGED) {
      score = null;
    }
  }

  public static Verdict notRun(String why) {
    return new Verdict(Status.NOT_RUN, null, why, null, 0, 0);
  }

  public boolean judged() {
    return status == Status.JUDGED;
  }

  /** The score on 0 to 1 ({@code (score - 1) / 4}), or null when not judged. */
  public Double normalized() {
    return score == null ? null : (score - 1) / 4.0;
  }

  /** A score of 4 or 5; an invalid, failed or missing verdict never passes. */
  public boolean passed() {
    return judged() && score >= 4;
  }

  public int tokens() {
    return promptTokens + completionTokens;
  }
}
