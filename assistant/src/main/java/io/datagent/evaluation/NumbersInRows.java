package io.datagent.evaluation;

import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import io.datagent.agent.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic check that needs no model: is every number the answer's prose states ({@link AnswerReading}:
 * quoted rows, SQL and numbers from the question left out) present in what the answer rests on: a cell of the last
 * SQL's rows (as written, or times 100 for a share), that result's row count, or a number in a cited source's
 * excerpt? Rounding as the prose shows it is allowed ({@link Tolerance}).
 *
 * <p>NOTE: this is not groundedness. A number the agent derived correctly (a difference, a share of a total, a
 * number from an earlier SQL than the last) counts as missing, and a number present by coincidence counts as found.
 * It is a cheap signal, reported as "cifras en las filas" beside the LLM judges, never instead of them.
 *
 * @param stated numbers the prose states (0: the check does not apply)
 * @param found how many of them were found
 * @param missing the ones not found, as written
 */
public record NumbersInRows(int stated, int found, List<String> missing) {

  public static final NumbersInRows NONE = new NumbersInRows(0, 0, List.of());

  public NumbersInRows {
    missing = List.copyOf(missing);
  }

  public static NumbersInRows of(String question, AgentAnswer answer) {
    List<StatedNumbers.Stated> stated = AnswerReading.of(question, answer).stated();
    if (stated.isEmpty()) {
      return NONE;
    }
    List<Double> support = support(answer);
    List<String> missing = new ArrayList<>();
    for (StatedNumbers.Stated s : stated) {
      if (support.stream().noneMatch(v -> Tolerance.matches(s, v, 6) || Tolerance.matches(s, v * 100, 6))) {
        missing.add(s.text());
      }
    }
    return new NumbersInRows(stated.size(), stated.size() - missing.size(), missing);
  }

  public boolean applies() {
    return stated > 0;
  }

  public boolean allFound() {
    return applies() && missing.isEmpty();
  }

  private static List<Double> support(AgentAnswer a) {
    List<Double> out = new ArrayList<>();
    QueryResult r = a.result();
    if (r != null) {
      r.rows().forEach(row -> row.forEach(cell -> {
        Double v = ResultMatch.number(cell);
        if (v != null) {
          out.add(v);
        }
      }));
      if (!r.truncated()) {
        out.add((double) r.rows().size());
      }
    }
    for (SourceRef s : a.sources()) {
      StatedNumbers.in(s.excerpt()).forEach(n -> java.util.Arrays.stream(n.values()).forEach(out::add));
    }
    return out;
  }
}
