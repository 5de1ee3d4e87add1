package io.datagent.agent.semantic;

/**
 * The question compiler's numeric knobs, in one place so the optimisation loop can try other values
 * ({@link CompilerTuning}); {@link #DEFAULT} holds the values the compiler always used.
 *
 * @param minScore         below this share of the question explained, a compiled plan is not trusted (the question goes to
 *                         the extractive answer)
 * @param typoFrom         a question word of at least this many letters may match a model name with one typo
 * @param twoTyposFrom     from this many letters, with two typos
 * @param abbreviationFrom the shortest prefix of a question word read as an abbreviated name word ("GENERAC")
 * @param maxTables        the most tables one question is compiled against (the best named ones when there are more)
 */
public record CompilerThresholds(double minScore, int typoFrom, int twoTyposFrom, int abbreviationFrom, int maxTables) {

  public static final CompilerThresholds DEFAULT = new CompilerThresholds(0.5, 5, 9, 6, 8);

  public CompilerThresholds {
    if (!(minScore > 0 && minScore <= 2)) {
      throw new IllegalArgumentException("minScore must be in (0, 2], got " + minScore);
    }
    if (typoFrom < 3 || twoTyposFrom <= typoFrom || abbreviationFrom < 4 || maxTables < 1) {
      throw new IllegalArgumentException("invalid compiler thresholds: typoFrom " + typoFrom + ", twoTyposFrom "
          + twoTyposFrom + ", abbreviationFrom " + abbreviationFrom + ", maxTables " + maxTables);
    }
  }
}
