package io.datagent.agent.trusted;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedMatcherTest {

  static TrustedQuery query(String id, String title, List<String> patterns, String sql, Map<String, ParamType> params) {
    return new TrustedQuery(id, "serving.plantas", title, patterns, sql, params, "ana@x.com", Instant.EPOCH);
  }

  static final TrustedQuery BY_REGION = query("q1", "Potencia instalada de una región",
      List.of("potencia instalada en {region}", "potencia total de {region}"),
      "SELECT SUM(potencia_mw) AS potencia FROM serving.plantas WHERE region = :region", Map.of("region", ParamType.TEXT));
  static final TrustedQuery TOP = query("q2", "Las k centrales con más potencia", List.of("las {k} centrales con mas potencia"),
      "SELECT central FROM serving.plantas ORDER BY potencia_mw DESC LIMIT :k", Map.of("k", ParamType.INTEGER));

  final TrustedMatcher matcher = new TrustedMatcher(ValueIndex.NONE);

  @Test
  void should_capture_the_value_as_typed_when_question_is_folded_and_has_courtesy_words() {
    Optional<TrustedMatch> m = matcher.match("¿Cuál es la POTENCIA instalada en Castilla y León?", List.of(BY_REGION, TOP));

    assertThat(m).isPresent();
    assertThat(m.get().query().id()).isEqualTo("q1");
    assertThat(m.get().values()).containsEntry("region", "Castilla y León");
    assertThat(m.get().sql()).endsWith("WHERE region = 'Castilla y León'");
  }

  @Test
  void should_match_when_fixed_words_have_a_typo() {
    assertThat(matcher.match("potensia instalda en Cuyo", List.of(BY_REGION))).map(TrustedMatch::values)
        .contains(Map.of("region", "Cuyo"));
  }

  @Test
  void should_not_match_when_other_words_change_the_question() {
    assertThat(matcher.match("promedio de potencia instalada en Cuyo", List.of(BY_REGION))).isEmpty();
    assertThat(matcher.match("caudal instalado en Cuyo", List.of(BY_REGION))).isEmpty();
  }

  @Test
  void should_bind_integers_and_refuse_a_word_where_a_number_is_expected() {
    assertThat(matcher.match("las 3 centrales con más potencia", List.of(TOP))).map(TrustedMatch::sql)
        .contains("SELECT central FROM serving.plantas ORDER BY potencia_mw DESC LIMIT 3");
    assertThat(matcher.match("las tres centrales con más potencia", List.of(TOP))).isEmpty();
  }

  @Test
  void should_use_the_value_index_spelling_and_refuse_unknown_values_when_table_has_an_index() {
    TrustedMatcher indexed = new TrustedMatcher(t -> Optional.of(List.of("CUYO", "NOA")));

    assertThat(indexed.match("potencia instalada en cuyo", List.of(BY_REGION))).map(TrustedMatch::values)
        .contains(Map.of("region", "CUYO"));
    assertThat(indexed.match("potencia instalada en Patagonia", List.of(BY_REGION))).isEmpty();
  }

  @Test
  void should_refuse_the_match_when_a_text_parameter_carries_sql() {
    assertThat(matcher.match("potencia instalada en x' OR '1'='1", List.of(BY_REGION))).isEmpty();
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("region", "CUYO'; DROP TABLE plantas; --");
    assertThat(matcher.bind(BY_REGION, raw)).isEmpty();
    raw.put("region", "CUYO\\");
    assertThat(matcher.bind(BY_REGION, raw)).isEmpty();
  }

  @Test
  void should_prefer_the_pattern_with_more_fixed_words_when_several_match() {
    TrustedQuery loose = query("q0", "Cualquier cosa", List.of("{x}"), "SELECT :x AS x", Map.of("x", ParamType.TEXT));

    assertThat(matcher.match("potencia total de NOA", List.of(loose, BY_REGION))).map(m -> m.query().id()).contains("q1");
  }

  @Test
  void should_leave_params_inside_quotes_and_casts_alone_when_binding() {
    String sql = SqlBinder.bind("SELECT ':k', x::int, y FROM t WHERE a = :k -- :k\nLIMIT :k", Map.of("k", "5"));

    assertThat(sql).isEqualTo("SELECT ':k', x::int, y FROM t WHERE a = 5 -- :k\nLIMIT 5");
  }

  @Test
  void should_validate_numbers_and_dates_when_rendering_literals() {
    assertThat(ParamType.NUMBER.literal("1.234,5")).contains("1234.5");
    assertThat(ParamType.NUMBER.literal("30 OR 1=1")).isEmpty();
    assertThat(ParamType.DATE.literal("15/07/2023")).contains("DATE'2023-07-15'");
    assertThat(ParamType.DATE.literal("2023-02-30")).isEmpty();
    assertThat(ParamType.parse("Fecha")).contains(ParamType.DATE);
  }
}
