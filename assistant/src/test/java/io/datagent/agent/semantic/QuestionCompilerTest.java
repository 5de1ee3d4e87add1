package io.datagent.agent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Questions to SQL over the three sample models (derived without Spark, see {@link SampleModels}). */
class QuestionCompilerTest {

  static final List<ModelIndex> MODELS = List.of(new ModelIndex(SampleModels.potencia()),
      new ModelIndex(SampleModels.cammesa()), new ModelIndex(SampleModels.gas()));

  /** The best plan over the three tables, as the agent picks it. */
  static Compilation best(String q) {
    return MODELS.stream().map(m -> QuestionCompiler.compile(q, m)).filter(c -> c.score() > 0)
        .max(Comparator.comparingDouble(Compilation::score)).orElse(Compilation.none());
  }

  static String sql(String q) {
    Compilation c = best(q);
    assertThat(c.ok()).as("compiles: " + q + " → " + c.unclear()).isTrue();
    return SqlBuilder.sql(c.plan());
  }

  @Test
  void should_group_by_the_named_dimension_when_question_says_por() {
    assertThat(sql("¿Cuál es la potencia instalada por región?")).isEqualTo("SELECT trim(region) AS region, "
        + "SUM(potencia_instalada_mw) AS valor FROM serving.potenciainstalada GROUP BY trim(region) ORDER BY valor DESC, region");
    assertThat(sql("promedio de demanda distribuidor en cada tipo de día")).contains("AVG(demanda_distribuidor)")
        .contains("GROUP BY trim(tipo_dia)");
  }

  @Test
  void should_group_by_a_grain_of_the_main_date_when_question_says_por_mes_or_por_ano() {
    assertThat(sql("temperatura media por mes en 2023")).isEqualTo("SELECT date_format(fecha, 'yyyy-MM') AS mes, "
        + "AVG(temperatura_media_gba_c) AS valor FROM serving.cammesa_res WHERE (fecha >= DATE'2023-01-01' AND fecha < "
        + "DATE'2024-01-01') GROUP BY date_format(fecha, 'yyyy-MM') ORDER BY mes");
    assertThat(sql("consumo de gas en Córdoba por año")).startsWith("SELECT year(mes) AS anio, SUM(cordoba) AS valor");
  }

  @Test
  void should_filter_on_values_from_the_index_when_question_names_them_without_accents_or_case() {
    assertThat(sql("suma de INDUSTRIAS en los dias habiles de marzo de 2024")).isEqualTo("SELECT SUM(industrias) AS valor "
        + "FROM serving.cammesa_res WHERE trim(habil_no_habil) IN ('Hábil') AND (fecha >= DATE'2024-03-01' AND fecha < DATE'2024-04-01')");
    assertThat(sql("promedio de temperatura los días no hábiles")).contains("IN ('No Hábil')");
    assertThat(sql("¿Cuántas centrales hay en la región cuyo?")).isEqualTo("SELECT COUNT(DISTINCT central) AS valor "
        + "FROM serving.potenciainstalada WHERE trim(region) IN ('CUYO')");
  }

  @Test
  void should_filter_on_numbers_and_take_the_measure_from_the_unit() {
    assertThat(sql("¿cuántos días la temperatura superó 30 °C?"))
        .isEqualTo("SELECT COUNT(*) AS valor FROM serving.cammesa_res WHERE temperatura_media_gba_c > 30");
    assertThat(sql("cuántos días con 30 °C o más hubo en 2023")).contains("temperatura_media_gba_c >= 30");
    assertThat(sql("potencia instalada de las centrales con más de 100 MW")).endsWith("WHERE potencia_instalada_mw > 100");
  }

  @Test
  void should_rank_groups_when_question_asks_for_top_or_which_one() {
    assertThat(sql("las 3 centrales con mayor potencia")).endsWith("GROUP BY trim(central) ORDER BY valor DESC, central LIMIT 3");
    assertThat(sql("Las 5 regiones con menor potencia")).endsWith("ORDER BY valor ASC, region LIMIT 5");
    assertThat(sql("¿qué día tuvo la mayor demanda distribuidor en 2023?")).startsWith("SELECT to_date(fecha) AS fecha")
        .endsWith("ORDER BY valor DESC, fecha LIMIT 1");
    assertThat(sql("¿cuál fue el mes con menor consumo de gas en Mendoza?")).contains("SUM(mendoza)").endsWith("ASC, mes LIMIT 1");
  }

  @Test
  void should_average_the_monthly_totals_when_question_asks_for_a_monthly_average() {
    assertThat(sql("promedio mensual de demanda distribuidor en 2023")).isEqualTo("SELECT AVG(valor) AS valor, COUNT(*) AS grupos "
        + "FROM (SELECT date_format(fecha, 'yyyy-MM') AS mes, SUM(demanda_distribuidor) AS valor FROM serving.cammesa_res "
        + "WHERE (fecha >= DATE'2023-01-01' AND fecha < DATE'2024-01-01') GROUP BY date_format(fecha, 'yyyy-MM')) AS g");
  }

  @Test
  void should_count_distinct_values_per_group_when_question_ranks_by_how_many() {
    assertThat(sql("¿Cuál es la región con más centrales?")).isEqualTo("SELECT trim(region) AS region, COUNT(DISTINCT central) "
        + "AS valor FROM serving.potenciainstalada GROUP BY trim(region) ORDER BY valor DESC, region LIMIT 1");
  }

  @Test
  void should_aggregate_with_the_word_the_question_uses() {
    assertThat(sql("¿Cuál fue la temperatura máxima en enero de 2024?")).startsWith("SELECT MAX(temperatura_media_gba_c)");
    assertThat(sql("¿cuál fue la menor demanda distribuidor?")).startsWith("SELECT MIN(demanda_distribuidor)");
    assertThat(sql("demanda distribuidor promedio de los sabados")).isEqualTo("SELECT AVG(demanda_distribuidor) AS valor "
        + "FROM serving.cammesa_res WHERE trim(tipo_dia) IN ('Sábado')");
  }

  @Test
  void should_exclude_values_and_subtract_columns_when_question_says_sin_contar_or_excepto() {
    assertThat(sql("potencia instalada por tecnologia excepto Nuclear")).contains("trim(tecnologia) NOT IN ('Nuclear')");
    assertThat(sql("total entregado entre enero de 1993 y abril de 2020 sin contar Buenos Aires"))
        .isEqualTo("SELECT SUM(total) - SUM(buenos_aires) AS valor FROM serving.todos_010601a_cuadro_i_5_1a "
            + "WHERE (mes >= DATE'1993-01-01' AND mes < DATE'2020-05-01')");
  }

  @Test
  void should_resolve_a_province_to_its_column_when_table_is_wide() {
    assertThat(sql("¿Cuánto gas se entregó en Salta en 2019?")).isEqualTo("SELECT SUM(salta) AS valor FROM "
        + "serving.todos_010601a_cuadro_i_5_1a WHERE (mes >= DATE'2019-01-01' AND mes < DATE'2020-01-01')");
    assertThat(sql("¿Cuánto gas se entregó en Tierra del Fuego entre 2010 y 2015?")).contains("SUM(t_del_fuego)")
        .contains("mes < DATE'2016-01-01'");
    assertThat(sql("¿qué provincia consumió más gas en 2019?")).startsWith("SELECT stack(20, 'Capital Federal', c0")
        .endsWith("ORDER BY valor DESC LIMIT 1");
  }

  @Test
  void should_compute_shares_and_changes() {
    assertThat(sql("¿Qué porcentaje de la potencia instalada es hidráulica?")).startsWith("SELECT 100.0 * "
        + "(SUM(CASE WHEN trim(fuente_generacion) IN ('Hidráulica') THEN potencia_instalada_mw END)) / (SUM(potencia_instalada_mw)) AS porcentaje");
    assertThat(sql("¿Qué porcentaje del total corresponde a Buenos Aires en 2019?"))
        .startsWith("SELECT 100.0 * (SUM(buenos_aires)) / (SUM(total)) AS porcentaje");
    assertThat(sql("¿qué porcentaje de los días fueron hábiles en 2023?"))
        .startsWith("SELECT 100.0 * (COUNT(CASE WHEN trim(habil_no_habil) IN ('Hábil') THEN 1 END)) / (COUNT(*))");
    assertThat(sql("¿cuánto varió la demanda distribuidor entre el 1 y el 31 de enero de 2023?")).startsWith(
        "SELECT (SUM(CASE WHEN fecha >= DATE'2023-01-31' AND fecha < DATE'2023-02-01' THEN demanda_distribuidor END)) - "
            + "(SUM(CASE WHEN fecha >= DATE'2023-01-01' AND fecha < DATE'2023-01-02' THEN demanda_distribuidor END)) AS variacion");
  }

  @Test
  void should_apply_the_arithmetic_the_user_states() {
    assertThat(sql("demanda distribuidor de julio de 2023 × 1000")).startsWith("SELECT (SUM(demanda_distribuidor)) * 1000 AS valor");
    assertThat(sql("potencia instalada total dividido por 1000")).startsWith("SELECT (SUM(potencia_instalada_mw)) / 1000 AS valor");
  }

  @Test
  void should_tolerate_typos_and_missing_accents() {
    assertThat(sql("¿Cual es la potencia instaladaa por regíon?")).isEqualTo(sql("¿Cuál es la potencia instalada por región?"));
    assertThat(sql("cuantas centrales hidraulicas hay")).endsWith("WHERE trim(fuente_generacion) IN ('Hidráulica')");
  }

  @Test
  void should_compile_nothing_when_question_is_not_analytic() {
    Stream.of("¿Qué tablas hay disponibles?", "Hola, ¿cómo estás?", "¿Cuál es la capital de Francia?", "",
        "SELECT * FROM serving.potenciainstalada", "x".repeat(100_000))
        .forEach(q -> assertThat(best(q).ok()).as(q.length() > 60 ? "long" : q).isFalse());
  }

  @Test
  void should_offer_the_closest_measures_when_no_measure_is_named() {
    Compilation c = QuestionCompiler.compile("¿cuál fue el promedio en 2023?", MODELS.get(1));

    assertThat(c.ok()).isFalse();
    assertThat(c.unclear()).contains("qué cifra calcular");
    assertThat(c.suggestions()).hasSize(3).contains("Demanda distribuidor");
  }

  /** CPU time of this thread, not wall time: the build machine is shared, and waiting for a core is not compiling. */
  static String declined(String q) {
    Compilation c = best(q);
    assertThat(c.ok()).as("declines: " + q).isFalse();
    return c.unclear();
  }

  @Test
  void should_decline_naming_the_word_when_a_content_word_is_left_unread() {
    assertThat(declined("suma de industrias en 2023 ajustada por inflación")).contains("«inflación»").contains("no calculé");
    assertThat(declined("promedio de demanda distribuidor en los feriados puente")).contains("no calculé");
  }

  @Test
  void should_decline_when_por_names_a_rate_and_not_a_category() {
    assertThat(declined("gas entregado en Mendoza por habitante en 2018")).contains("no calculé");
    assertThat(declined("gas entregado en Jujuy en 2017 dividido por el número de usuarios")).contains("no calculé");
  }

  @Test
  void should_decline_when_the_only_name_is_the_aggregation_word() {
    assertThat(declined("quiero el promedio")).contains("no calculé");
  }

  @Test
  void should_read_swapped_letters_and_misspelt_grammar_words() {
    assertThat(sql("la sumatroia de industrias en 2022")).contains("SUM(industrias)");
    assertThat(sql("demanda distribuidor maixma en 2022")).contains("MAX(demanda_distribuidor)");
    assertThat(declined("¿cuál fue el precio de la demanda distribuidor en 2022?")).contains("«precio»"); // not "creció"
  }

  @Test
  void should_read_the_unit_of_the_measure_asked_for_and_filler_words() {
    assertThat(sql("potencia total en MW de la región cuyo")).contains("SUM(potencia_instalada_mw)");
    assertThat(sql("industrias durante 2022 por favor")).contains("SUM(industrias)");
  }
}
