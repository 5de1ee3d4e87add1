package io.datagent.agent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Fixtures;
import io.datagent.semantic.SemanticModel;
import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.TableProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Column identifiers written exactly, numbers followed by the measure they bound, exclusion lists, and outcome verbs,
 * over invented tables (a cinema's screenings, a lab's test results, a port's cargo).
 */
class NamedListsTest {

  private static Map<String, Long> values(String... v) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String x : v) {
      m.put(x, 10L);
    }
    return m;
  }

  static final ModelIndex SALAS = new ModelIndex(salas(), 900);
  static final ModelIndex ENSAYOS = new ModelIndex(ensayos(), 900);
  static final ModelIndex CARGAS = new ModelIndex(cargas(), 900);

  static SemanticModel salas() {
    List<TableProfile.Column> cols = new ArrayList<>();
    cols.add(new TableProfile.Column("turno", "string", "turno", "turno", 2, values("Matinal", "Nocturno"), null));
    for (String c : List.of("butacas", "butacas_es", "butacas_aux_es", "butacas_vip"))
      cols.add(new TableProfile.Column(c, "bigint", c, c, 40, null, null));
    return SemanticModels.derive(new TableProfile("serving.salas_cine", "Datos cargados desde salas_cine.csv", null, 900, cols));
  }

  static SemanticModel ensayos() {
    List<TableProfile.Column> cols = new ArrayList<>();
    cols.add(new TableProfile.Column("fecha", "date", "Fecha", "Fecha", 300, null, null));
    cols.add(new TableProfile.Column("muestra", "string", "Tipo de muestra", "Tipo de muestra", 3, values("Sangre", "Orina", "Saliva"), null));
    cols.add(new TableProfile.Column("dictamen", "string", "Dictamen", "Dictamen", 2, values("Reactivo", "No reactivo"), null));
    cols.add(new TableProfile.Column("plomo", "string", "Plomo", "Plomo", 2, values("Alto", "Normal"), null));
    return SemanticModels.derive(new TableProfile("serving.ensayos_lab", "Datos cargados desde ensayos_lab.xlsx", null, 900, cols));
  }

  static SemanticModel cargas() {
    List<TableProfile.Column> cols = new ArrayList<>();
    cols.add(new TableProfile.Column("mercancia", "string", "Mercancía", "Mercancía", 4, values("Cereal", "Chatarra", "Madera", "Carbón"), null));
    cols.add(new TableProfile.Column("muelle", "string", "Muelle", "Muelle", 3, values("Norte", "Levante", "Poniente"), null));
    cols.add(new TableProfile.Column("toneladas", "decimal(18,2)", "Toneladas", "Toneladas", 700, null, null));
    return SemanticModels.derive(new TableProfile("serving.cargas_puerto", "Cargas del puerto por muelle", null, 900, cols));
  }

  static String sql(String q, ModelIndex index) {
    Compilation c = QuestionCompiler.compile(q, index);
    assertThat(c.ok()).as(q + " → " + c.unclear()).isTrue();
    return SqlBuilder.sql(c.plan());
  }

  static String unclear(String q, ModelIndex index) {
    Compilation c = QuestionCompiler.compile(q, index);
    assertThat(c.ok()).as(q + " compiled to " + (c.ok() ? SqlBuilder.sql(c.plan()) : "")).isFalse();
    return c.unclear();
  }

  @Test
  void should_take_the_column_the_question_writes_exactly_when_its_words_also_name_other_columns() {
    assertThat(sql("¿Cuál es la suma de butacas_es?", SALAS)).isEqualTo("SELECT SUM(butacas_es) AS valor FROM serving.salas_cine");
    assertThat(sql("total de BUTACAS_AUX_ES por turno", SALAS)).contains("SUM(butacas_aux_es)").contains("GROUP BY trim(turno)");
    assertThat(sql("¿Cuál es la suma de butacas?", SALAS)).isEqualTo("SELECT SUM(butacas) AS valor FROM serving.salas_cine");
  }

  @Test
  void should_bound_the_measure_named_right_after_the_number_when_no_unit_names_one() {
    assertThat(sql("¿Cuántas salas tienen más de 20 butacas_vip?", SALAS))
        .isEqualTo("SELECT COUNT(*) AS valor FROM serving.salas_cine WHERE butacas_vip > 20");
    assertThat(unclear("¿Cuántas salas con butacas_vip tienen más de 20 butacas_es?", SALAS)).contains("20");
    assertThat(sql("suma de butacas_vip de las salas con más de 20 butacas_es", SALAS))
        .isEqualTo("SELECT SUM(butacas_vip) AS valor FROM serving.salas_cine WHERE butacas_es > 20");
    assertThat(sql("suma de butacas_vip en salas con butacas_es superior a 20 butacas_aux_es", SALAS))
        .contains("WHERE butacas_es > 20");
  }

  @Test
  void should_not_read_a_column_word_as_a_misspelt_question_about_columns() {
    ModelIndex sillas = new ModelIndex(SemanticModels.derive(new TableProfile("serving.aulas", "Aulas", null, 50,
        List.of(new TableProfile.Column("sillas_ok", "bigint", "sillas_ok", "sillas_ok", 20, null, null)))), 50);
    assertThat(ColumnAnswer.answer("¿Cuál es el total de sillas_ok?", List.of(sillas), Fixtures.catalog())).isEmpty();
    assertThat(ColumnAnswer.answer("¿Qué siglas usa sillas_ok?", List.of(sillas), Fixtures.catalog())).isPresent();
  }

  @Test
  void should_exclude_every_value_of_one_column_when_a_list_says_que_no_sean_ni_or_sin_contar() {
    String a = sql("¿Cuántas toneladas que no sean de cereal ni chatarra?", CARGAS);
    assertThat(a).contains("NOT IN ('Cereal', 'Chatarra')").doesNotContain("muelle");
    assertThat(sql("toneladas sin contar madera ni carbón", CARGAS)).contains("NOT IN ('Madera', 'Carbón')");
  }

  @Test
  void should_decline_when_an_exclusion_list_mixes_values_of_different_columns() {
    assertThat(unclear("toneladas excepto cereal y levante", CARGAS)).contains("columnas distintas");
    assertThat(unclear("toneladas que no sean de cereal ni del muelle norte", CARGAS)).contains("columnas distintas");
  }

  @Test
  void should_filter_on_the_value_an_outcome_verb_states_when_nothing_else_follows_it() {
    assertThat(sql("¿Cuántos ensayos de orina dieron reactivo en 2022?", ENSAYOS)).contains("trim(muestra) IN ('Orina')")
        .contains("trim(dictamen) IN ('Reactivo')").contains("DATE'2022-01-01'");
    assertThat(sql("¿Qué porcentaje de los ensayos dio reactivo?", ENSAYOS)).contains("IN ('Reactivo')");
    assertThat(unclear("¿Cuántos ensayos dieron reactivo en plomo?", ENSAYOS)).contains("dieron");
  }

  @Test
  void should_read_a_short_header_spelled_out_only_when_the_column_description_spells_it_so() {
    List<TableProfile.Column> cols = List.of(
        new TableProfile.Column("barrio", "string", "Barrio", "Barrio", 3, values("Arenal", "Ribera", "Altozano"), null),
        new TableProfile.Column("hab_cens", "bigint", "Habitantes censados a 1 de enero", "HAB_CENS", 300, null, null),
        new TableProfile.Column("imp", "decimal(18,2)", "Impuesto municipal recaudado", "IMP", 300, null, null),
        new TableProfile.Column("sup", "decimal(18,2)", null, "SUP", 300, null, null));
    ModelIndex barrios = new ModelIndex(SemanticModels.derive(new TableProfile("serving.padron_barrios", "Padrón por barrio",
        null, 300, cols)), 300);

    assertThat(sql("total de habitantes censados por barrio", barrios)).contains("SUM(hab_cens)").contains("GROUP BY trim(barrio)");
    assertThat(sql("¿Cuál es el impuesto del barrio Ribera?", barrios)).contains("SUM(imp)").contains("IN ('Ribera')");
    assertThat(unclear("¿Cuál es el impacto del barrio Ribera?", barrios)).contains("impacto");
    assertThat(unclear("¿Cuál es la superficie del barrio Ribera?", barrios)).contains("superficie");
  }

  @Test
  void should_read_a_grain_adjective_as_a_value_when_it_follows_the_name_of_the_column_holding_it() {
    List<TableProfile.Column> cols = List.of(
        new TableProfile.Column("fecha_alta", "date", "Fecha de alta", "Fecha de alta", 300, null, null),
        new TableProfile.Column("modalidad_pago", "string", "Modalidad de pago", "Modalidad de pago", 2,
            values("Mensual", "Trimestral"), null),
        new TableProfile.Column("cuota", "decimal(18,2)", "Cuota", "Cuota", 300, null, null));
    ModelIndex socios = new ModelIndex(SemanticModels.derive(new TableProfile("serving.socios_club", "Socios del club",
        null, 300, cols)), 300);

    assertThat(sql("¿Qué porcentaje de los socios son de pago mensual?", socios)).contains("IN ('Mensual')")
        .doesNotContain("yyyy-MM");
    assertThat(sql("cuota total mensual", socios)).contains("yyyy-MM").doesNotContain("Mensual");
  }
}
