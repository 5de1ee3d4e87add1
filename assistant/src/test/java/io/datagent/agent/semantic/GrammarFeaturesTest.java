package io.datagent.agent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.semantic.SemanticModel;
import io.datagent.semantic.SemanticModels;
import io.datagent.semantic.TableProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Grammar features over synthetic models of other domains than the energy samples (a shop's sales, rainfall by
 * city as columns): periods of months, unit conversion, division by another measure, thresholds on each thing's
 * total, synonyms of day kinds, comparisons against a base date, typos, shares of a wide table, and the table choice.
 */
class GrammarFeaturesTest {

  static SemanticModel ventas(String table) {
    List<TableProfile.Column> cols = new ArrayList<>();
    cols.add(new TableProfile.Column("fecha", "date", "Fecha", "Fecha", 700, null, null));
    cols.add(new TableProfile.Column("sucursal", "string", "Sucursal", "Sucursal", 3, values("Rosario", "La Plata", "Tandil"), null));
    cols.add(new TableProfile.Column("tipo_jornada", "string", "Tipo de jornada", "Tipo de jornada", 2,
        values("Laborable", "Feriado"), null));
    cols.add(new TableProfile.Column("importe_pesos", "decimal(18,2)", "Importe [pesos]", "Importe [pesos]", 650, null, null));
    cols.add(new TableProfile.Column("energia_kwh", "decimal(18,2)", "Energía consumida [kWh]", "Energía consumida [kWh]", 600, null, null));
    return SemanticModels.derive(new TableProfile(table, "Ventas diarias por sucursal", null, 2100, cols));
  }

  static SemanticModel lluvia() {
    List<TableProfile.Column> cols = new ArrayList<>();
    cols.add(new TableProfile.Column("mes", "date", "Mes", "Mes", 120, null, null));
    for (String c : List.of("Salta", "Posadas", "Ushuaia", "Total")) {
      cols.add(new TableProfile.Column(c.toLowerCase(), "bigint", c, c, 100, null, null));
    }
    return SemanticModels.derive(new TableProfile("serving.lluvia_mensual", "Lluvia caída por ciudad, en milímetros", null, 120, cols));
  }

  private static Map<String, Long> values(String... v) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String x : v) {
      m.put(x, 10L);
    }
    return m;
  }

  static final ModelIndex VENTAS = new ModelIndex(ventas("serving.ventas"), 2100);

  static Compilation compile(String q, ModelIndex index) {
    return QuestionCompiler.compile(q, index);
  }

  static String sql(String q, ModelIndex index) {
    Compilation c = compile(q, index);
    assertThat(c.ok()).as(q + " → " + c.unclear()).isTrue();
    return SqlBuilder.sql(c.plan());
  }

  @Test
  void should_filter_on_a_quarter_or_semester_when_question_names_one_with_its_year() {
    assertThat(sql("importe total del segundo semestre de 2024", VENTAS))
        .endsWith("WHERE (fecha >= DATE'2024-07-01' AND fecha < DATE'2025-01-01')");
    assertThat(sql("¿cuánto importe hubo en el 3er trimestre del año 2023?", VENTAS))
        .endsWith("WHERE (fecha >= DATE'2023-07-01' AND fecha < DATE'2023-10-01')");
    assertThat(compile("importe total del segundo semestre", VENTAS).ok()).as("a semester of which year?").isFalse();
  }

  @Test
  void should_convert_the_result_when_question_asks_for_another_scale_of_the_unit() {
    assertThat(sql("energía consumida total en MWh", VENTAS)).isEqualTo("SELECT (SUM(energia_kwh)) / 1000 AS valor FROM serving.ventas");
    assertThat(sql("¿Cuántos MWh de energía se consumieron en Tandil? (1 MWh = 1000 kWh)", VENTAS)).startsWith("SELECT (SUM(energia_kwh)) / 1000");
    assertThat(compile("energía consumida total en MWh multiplicada por 3", VENTAS).ok()).as("conversion and stated arithmetic disagree").isFalse();
  }

  @Test
  void should_divide_by_another_measure_when_question_says_dividido_por_and_names_it() {
    assertThat(sql("En 2024, importe total dividido por energía consumida total", VENTAS))
        .startsWith("SELECT (SUM(importe_pesos)) / NULLIF(SUM(energia_kwh), 0) AS valor FROM serving.ventas WHERE");
  }

  @Test
  void should_compare_each_things_total_when_question_counts_things_over_a_threshold() {
    assertThat(sql("¿Cuántas sucursales superan los 5000 pesos de importe?", VENTAS)).isEqualTo("SELECT COUNT(*) AS valor FROM "
        + "(SELECT trim(sucursal) AS k FROM serving.ventas WHERE trim(sucursal) IS NOT NULL GROUP BY trim(sucursal) "
        + "HAVING SUM(importe_pesos) > 5000) AS g");
  }

  @Test
  void should_read_synonyms_of_day_kinds_typos_and_sum_verbs_when_question_paraphrases() {
    assertThat(sql("¿Cuánto sumaron los importes de los días hábiles en Rosario?", VENTAS))
        .contains("trim(tipo_jornada) IN ('Laborable')").contains("trim(sucursal) IN ('Rosario')");
    assertThat(sql("importe totl por sucrusales", VENTAS)).contains("GROUP BY trim(sucursal)");
  }

  @Test
  void should_take_the_second_date_as_base_when_question_says_respecto_de() {
    String q = sql("Diferencia del importe del 10 de marzo de 2024 respecto del 1 de marzo", VENTAS);
    assertThat(q).startsWith("SELECT (SUM(CASE WHEN fecha >= DATE'2024-03-10' AND fecha < DATE'2024-03-11' THEN importe_pesos END)) - "
        + "(SUM(CASE WHEN fecha >= DATE'2024-03-01' AND fecha < DATE'2024-03-02'");
  }

  @Test
  void should_take_a_column_over_the_total_column_when_a_wide_table_is_asked_for_a_share() {
    ModelIndex lluvia = new ModelIndex(lluvia(), 120);
    assertThat(sql("¿Qué porcentaje de la lluvia caída en 2020 corresponde a Salta?", lluvia))
        .startsWith("SELECT 100.0 * (SUM(salta)) / (SUM(total)) AS porcentaje");
    assertThat(sql("las 2 ciudades con más lluvia en 2021", lluvia)).contains("stack(3,").endsWith("LIMIT 2");
    assertThat(compile("¿cuál fue la lluvia más alta en Salta?", lluvia).ok()).as("not a ranking of the columns").isTrue();
  }

  @Test
  void should_read_spelt_out_acronyms_and_a_value_restated_by_its_code() {
    List<TableProfile.Column> cols = new ArrayList<>();
    cols.add(new TableProfile.Column("fecha", "date", "Fecha", "Fecha", 365, null, null));
    cols.add(new TableProfile.Column("medio_pago", "string", "Medio de pago", "Medio de pago", 2,
        values("Tarjeta de débito", "Efectivo"), null));
    cols.add(new TableProfile.Column("codigo_medio", "string", "Código de medio", "Código de medio", 2, values("TD", "EF"), null));
    cols.add(new TableProfile.Column("ventas_caba", "decimal(18,2)", "Ventas CABA [pesos]", "Ventas CABA [pesos]", 300, null, null));
    cols.add(new TableProfile.Column("ventas_interior", "decimal(18,2)", "Ventas interior [pesos]", "Ventas interior [pesos]", 300, null, null));
    ModelIndex cobros = new ModelIndex(SemanticModels.derive(new TableProfile("serving.cobros", "Cobros diarios", null, 365, cols)), 365);

    assertThat(sql("ventas de la Ciudad Autónoma Buenos Aires en 2023", cobros)).startsWith("SELECT SUM(ventas_caba) AS valor");
    assertThat(sql("ventas CABA con tarjeta de débito (TD) en 2023", cobros)).contains("trim(codigo_medio) IN ('TD')")
        .doesNotContain("medio_pago");
  }

  @Test
  void should_ask_which_table_when_two_tables_read_a_question_equally_and_prefer_the_larger_when_known() {
    ModelIndex a = new ModelIndex(ventas("serving.ventas_norte"), -1);
    ModelIndex b = new ModelIndex(ventas("serving.ventas_sur"), -1);
    PlanChoice unknown = new PlanChoice();
    unknown.offer(compile("importe total por sucursal", a), a.rows());
    unknown.offer(compile("importe total por sucursal", b), b.rows());
    assertThat(unknown.best().ok()).isFalse();
    assertThat(unknown.best().unclear()).contains("serving.ventas_norte").contains("serving.ventas_sur");
    assertThat(unknown.best().suggestions()).hasSize(2);

    PlanChoice known = new PlanChoice();
    known.offer(compile("importe total por sucursal", new ModelIndex(ventas("serving.ventas_norte"), 40)), 40);
    known.offer(compile("importe total por sucursal", new ModelIndex(ventas("serving.ventas_sur"), 9000)), 9000);
    assertThat(known.best().plan().model().source()).isEqualTo("serving.ventas_sur");
  }
}
