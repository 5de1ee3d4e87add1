package io.datagent.agent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

  @Test
  void should_read_spanish_and_plain_numbers() {
    assertThat(Text.number("1.234,5")).isEqualTo(1234.5);
    assertThat(Text.number("1.000")).isEqualTo(1000.0);
    assertThat(Text.number("25.5")).isEqualTo(25.5);
    assertThat(Text.number("30")).isEqualTo(30.0);
  }

  @Test
  void should_fold_accents_and_cut_plurals() {
    assertThat(Text.tokens("Regiones Hábiles DÍAS meses")).extracting(Token::stem)
        .containsExactly("region", "habil", "dia", "mes");
  }

  @Test
  void should_forgive_one_typo_in_a_long_word_but_not_in_a_short_one() {
    assertThat(Text.same("instaladaa", "instalada")).isTrue();
    assertThat(Text.same("potecia", "potencia")).isTrue();
    assertThat(Text.same("mes", "mas")).isFalse();
    assertThat(Text.same("2023", "2024")).isFalse();
  }
}
