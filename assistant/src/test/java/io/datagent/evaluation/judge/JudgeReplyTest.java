package io.datagent.evaluation.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JudgeReplyTest {

  @Test
  void should_read_the_verdict_when_the_reply_is_strict_json_even_in_one_fence() {
    Verdict plain = JudgeReply.parse("{\"score\": 4, \"rationale\": \"Cifras en las filas.\"}", "p@production=v1", 10, 5);
    Verdict fenced = JudgeReply.parse("```json\n{\"rationale\": \"Todo respaldado.\", \"score\": 5}\n```", "p", 0, 0);

    assertThat(plain.status()).isEqualTo(Verdict.Status.JUDGED);
    assertThat(plain.score()).isEqualTo(4);
    assertThat(plain.normalized()).isEqualTo(0.75);
    assertThat(plain.prompt()).isEqualTo("p@production=v1");
    assertThat(plain.tokens()).isEqualTo(15);
    assertThat(fenced.score()).isEqualTo(5);
  }

  @Test
  void should_flag_the_reply_when_it_is_not_exactly_a_verdict() {
    for (String bad : new String[] {"", "Puntuación: 5", "{\"score\": 5}", "{\"score\": 6, \"rationale\": \"x\"}",
        "{\"score\": 4.5, \"rationale\": \"x\"}", "{\"score\": 5, \"rationale\": \"x\", \"passed\": true}",
        "{\"score\": 5, \"rationale\": \"x\"} y algo más", "[5, \"x\"]", "{\"score\": 5, \"score\": 1, \"rationale\": \"x\"}"}) {
      Verdict v = JudgeReply.parse(bad, "p", 3, 2);

      assertThat(v.status()).as(bad).isEqualTo(Verdict.Status.INVALID);
      assertThat(v.passed()).as(bad).isFalse();
      assertThat(v.score()).as(bad).isNull();
      assertThat(v.rationale()).as(bad).startsWith("juez sin respuesta válida: ");
      assertThat(v.tokens()).as(bad).isEqualTo(5); // what it cost is still counted
    }
  }
}
