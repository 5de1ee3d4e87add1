package io.datagent.agent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Fixtures;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.TableProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Questions about what a column or a table means, answered from the models alone (no SQL, no language model). */
class ColumnAnswerTest {

  static final List<ModelIndex> SAMPLES = QuestionCompilerTest.MODELS;
  static final TableCatalog NO_CATALOG = Fixtures.catalog();

  /** A table none of the samples resembles: sensor readings with a companion dictionary for its side codes. */
  static ModelIndex sensors() {
    Map<String, Long> sides = new LinkedHashMap<>(Map.of("I", 40L, "D", 38L));
    List<TableProfile.Column> cols = List.of(
        new TableProfile.Column("lado", "string", "Lado del eje donde está el sensor", "LADO", 2, sides,
            Map.of("I", "Izquierdo", "D", "Derecho")),
        new TableProfile.Column("vibracion_mm_s", "decimal(10,2)", "Velocidad de vibración eficaz", "VIBRACION [mm/s]", 70, null, null),
        new TableProfile.Column("fecha_lectura", "date", "FECHA LECTURA", "FECHA LECTURA", 78, null, null));
    return new ModelIndex(SemanticModels.derive(new TableProfile("serving.lecturas_sensores", "Lecturas de vibración. FUENTE: taller norte",
        "lecturas.csv", 78, cols)));
  }

  static Optional<String> ask(String q, List<ModelIndex> models) {
    return ColumnAnswer.answer(q, models, NO_CATALOG);
  }

  @Test
  void should_give_the_unit_from_the_original_header_when_asked_in_which_unit_a_column_is() {
    String a = ask("¿En qué unidad está la potencia instalada?", SAMPLES).orElseThrow();

    assertThat(a).contains("**MW**").contains("`potencia_instalada_mw`").contains("serving.potenciainstalada")
        .contains("«POTENCIA INSTALADA [MW]»");
  }

  @Test
  void should_resolve_the_column_when_the_question_has_no_accents_and_typos() {
    String a = ask("en q unidad esta la temperatuar media de gba", SAMPLES).orElseThrow();

    assertThat(a).contains("°C").contains("serving.cammesa_res");
  }

  @Test
  void should_quote_the_code_meaning_from_the_dictionary_when_asked_what_a_code_means() {
    List<ModelIndex> models = List.of(sensors(), QuestionCompilerTest.MODELS.get(0));

    String a = ask("¿Qué quiere decir el código I en la columna lado?", models).orElseThrow();

    assertThat(a).contains("«I» significa «Izquierdo»").contains("`lado`").contains("serving.lecturas_sensores")
        .contains("«D» = «Derecho»");
  }

  @Test
  void should_say_the_code_is_unexplained_when_the_table_has_no_dictionary() {
    String a = ask("¿Qué significa TG en tipo de máquina?", SAMPLES).orElseThrow();

    assertThat(a).contains("«TG»").contains("no explica qué significa").doesNotContain("significa «");
  }

  @Test
  void should_describe_the_column_with_its_comment_type_and_examples_when_asked_what_it_is() {
    TableCatalog catalog = Fixtures.catalog(new TableDescription(new TableInfo("serving", "lecturas_sensores", null),
        List.of(new ColumnInfo("vibracion_mm_s", "DECIMAL(10,2)", "Velocidad de vibración eficaz", List.of("1.25", "0.80")))));

    String a = ColumnAnswer.answer("que es la vibracion?", List.of(sensors()), catalog).orElseThrow();

    assertThat(a).contains("«Velocidad de vibración eficaz»").contains("mm/s").contains("`DECIMAL(10,2)`")
        .contains("«1.25», «0.80»").contains("Fuente: tabla serving.lecturas_sensores — «Lecturas de vibración. FUENTE: taller norte»");
  }

  @Test
  void should_list_the_candidates_when_several_tables_have_the_column() {
    ModelIndex other = new ModelIndex(SemanticModels.derive(new TableProfile("serving.mantenimientos", null, null, 10,
        List.of(TableProfile.Column.of("fecha_lectura", "date", "FECHA LECTURA")))));

    String a = ask("¿Qué significa la columna fecha lectura?", List.of(sensors(), other)).orElseThrow();

    assertThat(a).contains("varias tablas").contains("serving.lecturas_sensores").contains("serving.mantenimientos");
  }

  @Test
  void should_answer_from_the_table_description_when_the_question_names_the_table_subject() {
    String a = ask("¿De qué fuente provienen los datos de gas entregado?", SAMPLES).orElseThrow();

    assertThat(a).contains("ENARGAS").contains("miles de m3").contains("serving.todos_010601a_cuadro_i_5_1a");
  }

  @Test
  void should_leave_lookups_and_analytic_questions_to_the_compiler() {
    assertThat(ask("¿A qué región corresponde la central ABRO?", SAMPLES)).isEmpty();
    assertThat(ask("¿Qué porcentaje representa Córdoba sobre el total en 2019?", SAMPLES)).isEmpty();
    assertThat(ask("¿Cuál es la potencia instalada por región?", SAMPLES)).isEmpty();
  }
}
