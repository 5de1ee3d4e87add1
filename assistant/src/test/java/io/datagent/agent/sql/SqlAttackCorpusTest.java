package io.datagent.agent.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-SQL corpus ({@code sql-attacks.tsv}): every attack is refused (with the expected code when one is
 * given), every legitimate analytic query passes, and what passes is stable under a second check.
 */
class SqlAttackCorpusTest {

  private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");

  final SqlGuard guard = new SqlGuard(SqlPolicy.servingOnly());

  record Case(int line, String sql, String expected) {
    @Override
    public String toString() {
      return line + ": " + sql.replaceAll("\\p{Cntrl}", "·");
    }
  }

  static List<Case> corpus() throws IOException {
    List<Case> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        SqlAttackCorpusTest.class.getResourceAsStream("/sql-attacks.tsv"), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.lastIndexOf('\t');
        out.add(new Case(n, decode(line.substring(0, tab)), line.substring(tab + 1).strip()));
      }
    }
    return out;
  }

  static String decode(String s) {
    Matcher m = ESCAPE.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(b).toString();
  }

  static Stream<Arguments> attacks() throws IOException {
    return corpus().stream().filter(c -> !c.expected().equals("ok")).map(Arguments::of);
  }

  static Stream<Arguments> legitimate() throws IOException {
    return corpus().stream().filter(c -> c.expected().equals("ok")).map(Arguments::of);
  }

  @Test
  void should_hold_at_least_150_attacks_and_50_legitimate_queries() throws IOException {
    assertThat(attacks().count()).isGreaterThanOrEqualTo(150);
    assertThat(legitimate().count()).isGreaterThanOrEqualTo(50);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void should_refuse_attack(Case c) {
    try {
      GuardedSql g = guard.check(c.sql());
      fail("accepted line " + c.line() + ": " + c.sql() + "\n  as: " + g.sql());
    } catch (SqlRejectedException e) {
      assertThat(e.getMessage()).as("Spanish reason").isNotBlank();
      if (!c.expected().equals("refused")) {
        assertThat(e.code()).as("line " + c.line() + " " + e.getMessage()).isEqualTo(c.expected());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legitimate")
  void should_accept_legitimate_query(Case c) throws SqlRejectedException {
    GuardedSql g;
    try {
      g = guard.check(c.sql());
    } catch (SqlRejectedException e) {
      throw new AssertionError("refused line " + c.line() + " [" + e.code() + "] " + e.getMessage(), e);
    }
    assertThat(g.limit()).isBetween(1L, 200L);
    assertThat(g.sql()).matches("(?s).*LIMIT [0-9]+$");
    assertThat(g.tables()).allMatch(t -> t.startsWith("serving.") || !t.contains("."));
    GuardedSql again = new SqlGuard(SqlPolicy.servingOnly()).check(g.sql());
    assertThat(again.sql()).isEqualTo(g.sql());
  }
}
