package io.datagent.agent.semantic;

import static io.datagent.agent.semantic.TotalsTest.sql;
import static io.datagent.agent.semantic.TotalsTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.TableProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Words of the question that are names of the model, or grammar words that look like them, over synthetic models. */
class NamedWordsTest {

  /** Fires attended, one row each: a province column whose values include "Cuenca" (one letter from "cuenta"). */
  static final ModelIndex FIRES = new ModelIndex(SemanticModels.derive(new TableProfile("serving.incendios", null, null, 40,
      List.of(text("provincia", "Provincia", "Cuenca", "Teruel", "Soria"),
          new TableProfile.Column("hectareas", "decimal(38,2)", null, "Hectáreas", 40, Map.of(), Map.of())))));

  /** A fleet in long form (DGT style): kinds and fuels with TOTAL members, the figure in a "Total" column. */
  static final ModelIndex FLEET = new ModelIndex(SemanticModels.derive(new TableProfile("serving.flota", null, null, 60,
      List.of(text("provincia", "Provincia", "TOTAL", "Soria", "Teruel"),
          text("tipo", "Tipo", "TOTAL", "BARCOS", "AVIONES"),
          text("combustible", "Combustible", "TOTAL", "Gasoil", "Queroseno"),
          new TableProfile.Column("total", "bigint", null, "Total", 60, Map.of(), Map.of())))));

  @Test
  void should_not_read_a_count_word_as_a_value_when_a_value_is_one_letter_from_a_grammar_word() {
    assertThat(sql("¿Cuántas hectáreas hay en total?", FIRES)).isEqualTo("SELECT SUM(hectareas) AS valor FROM serving.incendios");
    assertThat(sql("¿Cuántas hectáreas hubo en Cuenca?", FIRES))
        .contains("trim(provincia) IN ('Cuenca')");
  }

  @Test
  void should_filter_on_the_counted_value_and_read_total_as_the_aggregation_when_a_long_table_has_total_members() {
    assertThat(sql("¿Cuántos barcos hay en total?", FLEET)).startsWith("SELECT SUM(total) AS valor")
        .contains("trim(tipo) IN ('BARCOS')").contains("trim(provincia) IN ('TOTAL')")
        .contains("trim(combustible) IN ('TOTAL')").doesNotContain("trim(tipo) IN ('TOTAL')");
  }
}
