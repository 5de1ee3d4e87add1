package io.datagent.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldingTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Descripción|descripcion",
      "AÑO HÁBIL|ano habil",
      "Pingüino|pinguino",
      "Çedilla à l'été|cedilla a l'ete",
      "plain ASCII 123|plain ascii 123",
      "Mes/Año [MW]|mes/ano [mw]",
  })
  void should_remove_accents_and_lower_case_when_folding_text(String text, String folded) {
    assertThat(Folding.fold(text)).isEqualTo(folded);
  }

  @Test
  void should_fold_decomposed_and_composed_accents_alike_when_the_same_word_is_written_both_ways() {
    String composed = "Energ\u00eda";
    String decomposed = "Energi\u0301a";

    assertThat(Folding.fold(decomposed)).isEqualTo(Folding.fold(composed)).isEqualTo("energia");
  }

  @Test
  void should_return_empty_text_when_folding_null() {
    assertThat(Folding.fold((String) null)).isEmpty();
  }

  @Test
  void should_keep_non_latin_letters_lower_cased_when_they_have_no_accent() {
    assertThat(Folding.fold("ΔΑΤΑ 東京")).isEqualTo("δατα 東京");
  }

  @Test
  void should_fold_each_character_as_the_text_fold_does_when_it_gives_one_character() {
    for (char c = 0; c < 0x3000; c++) {
      String text = Folding.fold(String.valueOf(c));
      if (text.length() == 1 && !Character.isSurrogate(c)) {
        assertThat(Folding.fold(c)).as("U+%04X", (int) c).isEqualTo(text.charAt(0));
      }
    }
    assertThat(Folding.fold('Ñ')).isEqualTo('n');
    assertThat(Folding.fold('Q')).isEqualTo('q');
  }
}
