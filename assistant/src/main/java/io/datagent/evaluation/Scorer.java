package io.datagent.evaluation;

import io.datagent.agent.AgentAnswer;

/**
 * Decides the {@link Outcome} of an answer. A number counts when the prose states it and the result table holds it
 * (within {@link Tolerance}); a ranking when the table lists the labels in order with their values; a series when
 * the table has exactly the expected labels with their values; a label when prose and table name it; a text when
 * the answer contains every keyword; a decline when the answer asserts nothing ({@link AnswerReading#asserts()}); a
 * {@code sql} item when the answer's result set is what the expected SQL returned ({@link ResultSets}).
 */
public final class Scorer {

  private Scorer() {}

  public static Outcome score(BenchmarkItem item, AgentAnswer answer) {
    return score(item, answer, null);
  }

  /**
   * As {@link #score(BenchmarkItem, AgentAnswer)}; a {@code sql} item is exact when the answer's result set is
   * {@code truth} ({@link ResultSets}), what its expected SQL returned ({@link GroundTruth}).
   */
  public static Outcome score(BenchmarkItem item, AgentAnswer answer, io.datagent.agent.QueryResult truth) {
    BenchmarkItem.Expected e = item.expected();
    AnswerReading read = AnswerReading.of(item.question(), answer);
    boolean refused = AgentAnswer.REFUSED.equals(answer.mode());
    return switch (e.type()) {
      case BenchmarkItem.Expected.SQL -> {
        if (truth == null) {
          throw new IllegalArgumentException("«" + item.id() + "»: sin resultado de la SQL esperada (GroundTruth)");
        }
        yield ResultSets.same(answer.result(), truth, e.ranked(), e.decimals()) ? Outcome.EXACT
            : read.asserts() ? Outcome.WRONG : Outcome.DECLINED;
      }
      case "decline" -> read.asserts() && !refused ? Outcome.WRONG : Outcome.EXACT;
      case "number" -> number(item, answer, read);
      case "label" -> {
        boolean prose = read.names(e.label());
        boolean table = ResultMatch.hasLabel(answer.result(), e.label());
        yield prose && table ? Outcome.EXACT : prose || table ? (read.asserts() && !prose ? Outcome.WRONG : Outcome.PARTIAL)
            : read.asserts() ? Outcome.WRONG : Outcome.DECLINED;
      }
      case "ranking", "series" -> {
        boolean table = ResultMatch.hasRows(answer.result(), e.node().get("rows"), e.decimals(), e.type().equals("ranking"));
        yield table ? Outcome.EXACT : read.asserts() ? Outcome.WRONG : Outcome.DECLINED;
      }
      case "text" -> {
        String all = AnswerReading.fold(answer.answer());
        boolean found = true;
        for (var k : e.node().get("keywords")) {
          found &= all.contains(AnswerReading.fold(k.asText()));
        }
        yield found ? Outcome.EXACT : read.asserts() && !read.stated().isEmpty() ? Outcome.WRONG : Outcome.DECLINED;
      }
      default -> throw new IllegalArgumentException("tipo de respuesta esperada desconocido: " + e.type());
    };
  }

  private static Outcome number(BenchmarkItem item, AgentAnswer answer, AnswerReading read) {
    BenchmarkItem.Expected e = item.expected();
    boolean share = "porcentaje".equals(item.kind());
    boolean prose = read.states(e.value(), e.decimals());
    boolean table = ResultMatch.hasNumber(answer.result(), e.value(), e.decimals(), share);
    if (prose && table) {
      return Outcome.EXACT;
    }
    if (prose) {
      return Outcome.PARTIAL;
    }
    if (!read.stated().isEmpty()) {
      return Outcome.WRONG; // numbers stated, none of them the expected one
    }
    return read.computed() ? (table ? Outcome.PARTIAL : Outcome.WRONG) : Outcome.DECLINED;
  }
}
