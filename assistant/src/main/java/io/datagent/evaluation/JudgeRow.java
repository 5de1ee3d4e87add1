package io.datagent.evaluation;

import io.datagent.evaluation.judge.Judgment;
import io.datagent.evaluation.judge.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The judges' figures for one group of answers (a kind, or all): how many answers each judge scored, the mean score
 * on 0 to 1 over those (null when none: not run is not zero), how many passed (score 4 or 5), the verdicts that were
 * not verdicts ({@code invalid}: "juez sin respuesta válida"; {@code failed}: the endpoint failed every attempt) and
 * the answers no judge ran on; the numbers-in-rows check ({@link NumbersInRows}); and the judges' own tokens and cost,
 * never added to the agent's.
 */
public record JudgeRow(String group, int answers, int judgedGroundedness, Double groundedness, int grounded,
    int judgedRelevance, Double relevance, int relevant, int invalid, int failed, int notRun, int numbersStated,
    int numbersFound, long tokens, double cost) {

  static JudgeRow of(String group, List<Evaluation.Result> rs) {
    List<Verdict> g = rs.stream().map(r -> r.judgment().groundedness()).toList();
    List<Verdict> rel = rs.stream().map(r -> r.judgment().relevance()).toList();
    List<Verdict> all = rs.stream().flatMap(r -> java.util.stream.Stream.of(r.judgment().groundedness(),
        r.judgment().relevance())).toList();
    return new JudgeRow(group, rs.size(), judged(g), mean(g), passed(g), judged(rel), mean(rel), passed(rel),
        status(all, Verdict.Status.INVALID), status(all, Verdict.Status.FAILED),
        (int) rs.stream().filter(r -> !r.judgment().ran()).count(),
        rs.stream().mapToInt(r -> r.numbers().stated()).sum(), rs.stream().mapToInt(r -> r.numbers().found()).sum(),
        rs.stream().mapToLong(r -> r.judgment().promptTokens() + r.judgment().completionTokens()).sum(),
        rs.stream().mapToDouble(r -> r.judgment().cost()).sum());
  }

  /** Share of the stated numbers found in the rows, or null when no answer stated one. */
  public Double numbersInRowsRate() {
    return numbersStated == 0 ? null : (double) numbersFound / numbersStated;
  }

  /** The distinct values of one field of the answers' judgments, joined ("ninguno" when none). */
  static String distinct(List<Evaluation.Result> rs, Function<Judgment, String> f) {
    List<String> vs = rs.stream().map(r -> f.apply(r.judgment())).filter(Objects::nonNull).distinct().toList();
    return vs.isEmpty() ? null : String.join(", ", vs);
  }

  String line() {
    return String.format(Locale.ROOT, "%-20s %5d %9d %9s %9d %9s %10d %6d %8d %9s %8d%n", group, answers, judgedGroundedness,
        fmt(groundedness), judgedRelevance, fmt(relevance), invalid, failed, notRun,
        numbersStated == 0 ? "—" : numbersFound + "/" + numbersStated, tokens);
  }

  static String header(String title) {
    return String.format("%-20s %5s %9s %9s %9s %9s %10s %6s %8s %9s %8s%n", title, "total", "juz.fund", "fundam.",
        "juz.relev", "relev.", "sin válida", "fallo", "no juzg.", "cifras", "tok juez");
  }

  private static String fmt(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static int judged(List<Verdict> vs) {
    return (int) vs.stream().filter(Verdict::judged).count();
  }

  private static int passed(List<Verdict> vs) {
    return (int) vs.stream().filter(Verdict::passed).count();
  }

  private static int status(List<Verdict> vs, Verdict.Status s) {
    return (int) vs.stream().filter(v -> v.status() == s).count();
  }

  private static Double mean(List<Verdict> vs) {
    return vs.stream().filter(Verdict::judged).mapToDouble(Verdict::normalized).average().stream().boxed().findFirst()
        .orElse(null);
  }
}
