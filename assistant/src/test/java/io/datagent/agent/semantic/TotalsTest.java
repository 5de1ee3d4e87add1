package io.datagent.agent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.TableProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Long-format statistics tables with total members, and "which row has the most", over synthetic models. */
class TotalsTest {

  /** Births per province, sex and kind of delivery, INE style: every dimension has a total member. */
  static final ModelIndex BIRTHS = new ModelIndex(SemanticModels.derive(new TableProfile("serving.nacimientos_partos", null,
      null, 4 * 3 * 3 * 24, List.of(
          text("provincias", "Provincias", "Total Nacional", "Sevilla", "Málaga", "Granada"),
          text("sexo", "Sexo", "Ambos sexos", "Hombres", "Mujeres"),
          text("tipo_de_parto", "Tipo de parto", "Total", "Vaginal", "Cesárea"),
          new TableProfile.Column("periodo", "date", null, "Periodo", 24, Map.of(), Map.of()),
          new TableProfile.Column("total", "decimal(38,0)", null, "Total", 500, Map.of(), Map.of())))));

  /** Museums, one row each, named by a "denominacion" column (too many names to index), not by "nom_via" (a few words). */
  static final ModelIndex MUSEUMS = new ModelIndex(SemanticModels.derive(new TableProfile("serving.museos", null, null, 3,
      List.of(new TableProfile.Column("id_museo", "bigint", null, "id_museo", 3, Map.of(), Map.of()),
          text("nom_via", "nom_via", "CALLE", "PLAZA"),
          text("denominacion", "denominacion"),
          text("distrito", "distrito", "Norte", "Sur"),
          new TableProfile.Column("superficie_m2", "decimal(38,2)", null, "superficie_m2", 3, Map.of(), Map.of())))));

  static TableProfile.Column text(String name, String header, String... values) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String v : values) {
      counts.put(v, 10L);
    }
    return new TableProfile.Column(name, "string", null, header, values.length, counts, Map.of());
  }

  static String sql(String q, ModelIndex index) {
    Compilation c = QuestionCompiler.compile(q, index);
    assertThat(c.ok()).as("compiles: " + q + " → " + c.unclear()).isTrue();
    return SqlBuilder.sql(c.plan());
  }

  @Test
  void should_sum_the_value_column_when_question_counts_one_value_of_a_long_table() {
    String sql = sql("¿Cuántos partos por cesárea hubo en Sevilla en 2021?", BIRTHS);
    assertThat(sql).startsWith("SELECT SUM(total) AS valor").doesNotContain("COUNT")
        .contains("trim(tipo_de_parto) IN ('Cesárea')").contains("trim(provincias) IN ('Sevilla')")
        .contains("trim(sexo) IN ('Ambos sexos')");
  }

  @Test
  void should_read_the_national_total_row_when_question_says_espana_or_todo_el_pais() {
    for (String q : List.of("¿Cuántos partos por cesárea hubo en España en 2021?",
        "¿Cuántos partos por cesárea hubo en todo el país en 2021?", "¿Cuántos partos por cesárea hubo a nivel nacional en 2021?")) {
      assertThat(sql(q, BIRTHS)).as(q).contains("trim(provincias) IN ('Total Nacional')")
          .contains("trim(tipo_de_parto) IN ('Cesárea')");
    }
  }

  @Test
  void should_decline_espana_when_the_table_regions_are_not_spanish() {
    ModelIndex rain = new ModelIndex(SemanticModels.derive(new TableProfile("serving.lluvias", null, null, 3 * 24,
        List.of(text("provincia", "Provincia", "Total", "Salta", "Jujuy", "Tucumán"),
            new TableProfile.Column("periodo", "date", null, "Periodo", 24, Map.of(), Map.of()),
            new TableProfile.Column("lluvia", "decimal(38,0)", null, "Lluvia", 500, Map.of(), Map.of())))));
    assertThat(QuestionCompiler.compile("¿Cuánta lluvia hubo en España en 2021?", rain).ok()).isFalse();
    assertThat(sql("¿Cuánta lluvia hubo en todo el país en 2021?", rain)).contains("trim(provincia) IN ('Total')");
  }

  @Test
  void should_count_rows_not_kinds_when_question_names_what_a_tipo_de_column_classifies() {
    ModelIndex sales = new ModelIndex(SemanticModels.derive(new TableProfile("serving.matriculaciones", null, null, 500,
        List.of(text("tipo_de_vehiculo", "Tipo de vehículo", "Turismo", "Moto", "Camión"),
            text("provincia", "Provincia", "Sevilla", "Málaga")))));
    assertThat(sql("¿Cuántos vehículos hay en Sevilla?", sales)).startsWith("SELECT COUNT(*)");
    assertThat(sql("¿Cuántos tipos de vehículo hay en Sevilla?", sales)).contains("COUNT(DISTINCT");
  }

  @Test
  void should_leave_total_members_out_of_a_ranking_and_read_other_dimensions_at_their_total() {
    String sql = sql("¿Cuáles son las 2 provincias con más nacimientos en 2021?", BIRTHS);
    assertThat(sql).contains("trim(provincias) NOT IN ('Total Nacional')").contains("trim(sexo) IN ('Ambos sexos')")
        .contains("trim(tipo_de_parto) IN ('Total')").endsWith("LIMIT 2");
  }

  @Test
  void should_take_the_part_after_lo_fueron_and_the_whole_from_the_total_row_when_question_asks_a_share() {
    String sql = sql("¿Qué porcentaje de los nacimientos en Sevilla en 2021 lo fueron por cesárea?", BIRTHS);
    assertThat(sql).startsWith("SELECT 100.0 * (SUM(CASE WHEN trim(tipo_de_parto) IN ('Cesárea') THEN total END)) / "
        + "(SUM(CASE WHEN trim(tipo_de_parto) IN ('Total') THEN total END))").contains("trim(provincias) IN ('Sevilla')");
  }

  @Test
  void should_read_a_share_when_question_says_que_parte_or_suponen_sobre_el_total_without_porcentaje() {
    String pct = sql("¿Qué porcentaje de los nacimientos en Sevilla en 2021 lo fueron por cesárea?", BIRTHS);
    assertThat(sql("¿Qué parte de los nacimientos en Sevilla en 2021 lo fueron por cesárea?", BIRTHS)).isEqualTo(pct);
    assertThat(sql("¿Qué suponen los nacimientos por cesárea sobre el total de Sevilla en 2021?", BIRTHS)).isEqualTo(pct);
    assertThat(sql("¿Cuántos nacimientos por cesárea hubo en Sevilla en 2021?", BIRTHS)).doesNotContain("100.0");
  }

  @Test
  void should_take_the_value_before_sobre_as_the_part_when_the_whole_is_named_last() {
    String sql = sql("¿Qué porcentaje son los nacimientos por cesárea sobre el total de Sevilla en 2021?", BIRTHS);
    assertThat(sql).startsWith("SELECT 100.0 * (SUM(CASE WHEN trim(tipo_de_parto) IN ('Cesárea') THEN total END))")
        .contains("trim(provincias) IN ('Sevilla')");
  }

  @Test
  void should_detect_total_members_by_their_words() {
    assertThat(List.of("Total", "TOTAL", "Total Nacional", "Total general", "Ambos sexos", "Todos", "Todas las edades"))
        .allMatch(Totals::isTotal);
    assertThat(List.of("Totana", "Voluntaria", "Hombres", "Subtotales de gasto")).noneMatch(Totals::isTotal);
  }

  @Test
  void should_name_every_row_tied_at_the_top_when_question_asks_which_row_has_the_most() {
    Plan p = QuestionCompiler.compile("¿Qué museo tiene la mayor superficie?", MUSEUMS).plan();

    String s = Verbalizer.sentence(p, new io.datagent.agent.QueryResult(List.of("denominacion", "valor"), List.of("STRING",
        "DECIMAL"), List.of(List.of("Museo del Agua", new java.math.BigDecimal("540")), List.of("Museo Naval",
        new java.math.BigDecimal("540"))), false));

    assertThat(s).contains("Museo del Agua, Museo Naval (540");
  }

  @Test
  void should_name_the_row_when_question_asks_which_row_has_the_most() throws Exception {
    String grouped = "SELECT trim(denominacion) AS denominacion, MAX(superficie_m2) AS valor FROM serving.museos "
        + "GROUP BY trim(denominacion)";
    assertThat(sql("¿Qué museo tiene la mayor superficie?", MUSEUMS)).isEqualTo("SELECT denominacion, valor FROM ("
        + grouped + ") AS r WHERE valor = (SELECT MAX(valor) FROM (" + grouped + ") AS s) ORDER BY denominacion LIMIT 20");
    assertThat(new io.datagent.agent.sql.SqlGuard(io.datagent.agent.sql.SqlPolicy.servingOnly())
        .check(sql("¿Qué museo tiene la mayor superficie?", MUSEUMS)).sql()).contains("MAX(valor)");
    assertThat(sql("¿Cuál es el museo con menor superficie?", MUSEUMS)).contains("MIN(superficie_m2)").contains("SELECT MIN(valor)");
  }
}
