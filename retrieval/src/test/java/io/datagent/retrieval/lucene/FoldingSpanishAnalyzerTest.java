package io.datagent.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingSpanishAnalyzerTest {

  @Test
  void should_fold_accents_and_case_when_analysing() {
    assertThat(LexicalQuery.terms("Hábil HÁBIL habil")).containsExactly("habil");
    assertThat(LexicalQuery.terms("Neuquén")).isEqualTo(LexicalQuery.terms("neuquen"));
    assertThat(LexicalQuery.terms("Cañada")).isEqualTo(LexicalQuery.terms("canada"));
  }

  @Test
  void should_drop_stop_words_with_or_without_accents() {
    assertThat(LexicalQuery.terms("¿cuál es la potencia de la central?")).doesNotContain("la", "de", "es");
    assertThat(LexicalQuery.terms("más está")).isEmpty();
    assertThat(LexicalQuery.terms("mas esta")).isEmpty();
  }

  @Test
  void should_stem_plurals_to_the_singular_term() {
    assertThat(LexicalQuery.terms("centrales")).isEqualTo(LexicalQuery.terms("central"));
    assertThat(LexicalQuery.terms("térmicas")).isEqualTo(LexicalQuery.terms("termica"));
  }

  @Test
  void should_keep_numbers_and_codes_and_survive_emoji_and_other_scripts() {
    assertThat(LexicalQuery.terms("ABRO 25.0 2016")).hasSize(3).contains("25.0", "2016");
    assertThat(LexicalQuery.terms("⚡ potencia 電力 🔥")).contains(LexicalQuery.terms("potencia").iterator().next());
  }
}
