package io.datagent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueAliasesTest {

  @Test
  void should_give_the_name_as_said_when_values_carry_codes_and_inverted_articles() {
    Map<String, String> a = ValueAliases.of(List.of("Total Nacional", "01 Andalucía", "13 Madrid, Comunidad de",
        "17 Rioja, La", "04 Balears, Illes"));

    assertThat(a).containsExactly(Map.entry("01 Andalucía", "Andalucía"),
        Map.entry("13 Madrid, Comunidad de", "Comunidad de Madrid"), Map.entry("17 Rioja, La", "La Rioja"),
        Map.entry("04 Balears, Illes", "Illes Balears"));
  }

  @Test
  void should_keep_values_whole_when_few_start_with_a_number() {
    assertThat(ValueAliases.of(List.of("3 Cantos", "Madrid", "Getafe", "Leganés"))).isEmpty();
    assertThat(ValueAliases.of(List.of("Palmas, Las", "Madrid"))).containsExactly(Map.entry("Palmas, Las", "Las Palmas"));
  }

  @Test
  void should_name_a_ccaa_column_and_resolve_an_aliased_value_when_the_model_is_derived() {
    TableProfile p = new TableProfile("serving.presas", null, null, 2, List.of(
        new TableProfile.Column("ccaa", "string", null, "CCAA", 2, SemanticModelsTest.counts("09 Cataluña", "1",
            "13 Madrid, Comunidad de", "1"), Map.of())));

    Dimension d = SemanticModels.derive(p).dimension("ccaa").orElseThrow();

    assertThat(d.synonyms()).contains("comunidad autónoma");
    assertThat(d.codes()).containsEntry("13 Madrid, Comunidad de", "Comunidad de Madrid");
  }
}
