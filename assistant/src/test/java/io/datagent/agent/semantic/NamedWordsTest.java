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

  /** Licences by region/province (hierarchical values), reason of cancellation and date; no key: rows named by the table. */
  static final ModelIndex LICENCES = new ModelIndex(SemanticModels.derive(new TableProfile("serving.c_07_licencias_canceladas",
      null, null, 50, List.of(text("zona", "Zona", "Norte/Soria", "Norte/Burgos", "Sur/Cádiz"),
          text("motivo", "Motivo de cancelación", "Impago", "Renuncia"),
          new TableProfile.Column("fecha", "date", null, "Fecha", 20, Map.of(), Map.of()),
          new TableProfile.Column("importe", "decimal(38,2)", null, "Importe", 50, Map.of(), Map.of())))));

  @Test
  void should_read_the_rows_by_the_table_name_and_a_verb_the_table_names_when_no_key_column_says_what_a_row_is() {
    assertThat(LICENCES.model().rowNoun()).isEqualTo("licencias");
    assertThat(sql("¿Cuántas licencias se cancelaron en Soria en 2024?", LICENCES)).startsWith("SELECT COUNT(*) AS valor")
        .contains("trim(zona) IN ('Norte/Soria')").contains("DATE'2024-01-01'");
    assertThat(QuestionCompiler.compile("¿Cuántas licencias se renovaron en 2024?", LICENCES).ok()).isFalse();
    assertThat(QuestionCompiler.compile("¿Cuántas licencias hay en Norte?", LICENCES).ok())
        .as("a part shared by several values names none of them").isFalse();
  }

  @Test
  void should_exclude_after_que_no_estan_and_decline_a_threshold_or_a_rows_or_measure_choice_it_cannot_read() {
    assertThat(sql("¿Cuántas licencias hay que no están en Cádiz?", LICENCES)).contains("NOT IN ('Sur/Cádiz')");
    assertThat(QuestionCompiler.compile("¿En cuántos casos hubo más de una licencia?", LICENCES).ok()).isFalse();
    assertThat(QuestionCompiler.compile("Reparto de los casos según el motivo del importe", LICENCES).ok()).isFalse();
    assertThat(QuestionCompiler.compile("¿En cuántos meses se cancelaron más de 3 licencias?", LICENCES).ok())
        .as("months are not the rows").isFalse();
    assertThat(sql("¿Cuántos casos hay por motivo?", LICENCES)).startsWith("SELECT trim(motivo) AS motivo, COUNT(*) AS valor");
  }

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
