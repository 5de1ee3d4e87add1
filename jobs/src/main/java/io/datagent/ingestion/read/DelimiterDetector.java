package io.datagent.ingestion.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses the field delimiter of a delimited text file from its first lines (decoded, header first, possibly
 * preceded by title lines and followed by a footer).
 *
 * <p>Candidates are {@code ;} {@code ,} {@code \t} {@code |}, counted per line outside double quotes. For each
 * candidate the most frequent non-zero count per line (its <em>mode</em>) is found, and the lines showing exactly
 * that count <em>agree</em>. A candidate qualifies when at least half of the non-blank lines from its first
 * appearance on agree (so title lines above the header do not count against it). Among qualifying candidates the one
 * with most agreeing lines wins, then the higher mode, then the order {@code ; , \t |}. Because the header usually
 * agrees for the real delimiter but not for a decimal comma, {@code a;1,5;2,75} files resolve to {@code ;}.
 *
 * <p>When no candidate qualifies (no delimiter anywhere: a single-column file) the answer is {@code ','}.
 */
public final class DelimiterDetector {

  private static final char[] CANDIDATES = {';', ',', '\t', '|'};
  private static final double MIN_AGREEING_SHARE = 0.5;

  private DelimiterDetector() {}

  /** The delimiter to parse the file with; see the class contract. */
  public static char detect(List<String> lines) {
    char best = ',';
    long bestScore = -1;
    for (char candidate : CANDIDATES) {
      long score = score(candidate, lines);
      if (score > bestScore) { // strict: earlier candidates win ties
        best = candidate;
        bestScore = score;
      }
    }
    return bestScore > 0 ? best : ',';
  }

  /** Agreeing lines in the high bits, mode in the low bits; 0 when the candidate does not qualify. */
  private static long score(char candidate, List<String> lines) {
    Map<Integer, Integer> linesPerCount = new HashMap<>();
    int linesFromFirst = 0;
    for (String line : lines) {
      if (line == null || line.isBlank()) {
        continue;
      }
      int count = countOutsideQuotes(line, candidate);
      if (count > 0 || linesFromFirst > 0) {
        linesFromFirst++;
        linesPerCount.merge(count, 1, Integer::sum);
      }
    }
    int mode = 0;
    int agreeing = 0;
    for (Map.Entry<Integer, Integer> e : linesPerCount.entrySet()) {
      int count = e.getKey();
      int lineCount = e.getValue();
      if (count > 0 && (lineCount > agreeing || (lineCount == agreeing && count > mode))) {
        mode = count;
        agreeing = lineCount;
      }
    }
    if (agreeing == 0 || agreeing < MIN_AGREEING_SHARE * linesFromFirst) {
      return 0;
    }
    return ((long) agreeing << 32) | mode;
  }

  /** Occurrences of {@code delimiter} outside double-quoted sections; quote state resets at each line. */
  static int countOutsideQuotes(String line, char delimiter) {
    boolean quoted = false;
    int count = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted; // an escaped "" toggles twice
      } else if (c == delimiter && !quoted) {
        count++;
      }
    }
    return count;
  }
}
