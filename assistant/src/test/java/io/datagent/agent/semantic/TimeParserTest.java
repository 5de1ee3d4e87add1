package io.datagent.agent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeParserTest {

  static List<TimeSpec> specs(String q) {
    return TimeParser.parse(Text.tokens(q)).found().stream().map(TimeParser.Found::spec).toList();
  }

  @Test
  void should_read_a_day_a_month_and_a_year_when_written_in_words_or_digits() {
    assertThat(specs("DEMANDA DISTRIBUIDOR el 15 de julio de 2023")).singleElement()
        .satisfies(s -> assertThat(s.from()).isEqualTo(LocalDate.of(2023, 7, 15)))
        .satisfies(s -> assertThat(s.to()).isEqualTo(LocalDate.of(2023, 7, 16)));
    assertThat(specs("la demanda del 15/07/2023").get(0).from()).isEqualTo(LocalDate.of(2023, 7, 15));
    assertThat(specs("la demanda del 2023-07-15").get(0).from()).isEqualTo(LocalDate.of(2023, 7, 15));
    TimeSpec month = specs("julio de 2023").get(0);
    assertThat(month.from()).isEqualTo(LocalDate.of(2023, 7, 1));
    assertThat(month.to()).isEqualTo(LocalDate.of(2023, 8, 1));
    TimeSpec year = specs("¿cuánto en 2024?").get(0);
    assertThat(year.from()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(year.to()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(specs("el mes ene-22").get(0).from()).isEqualTo(LocalDate.of(2022, 1, 1));
  }

  @Test
  void should_join_a_range_and_lend_the_second_date_its_month_and_year_when_first_is_bare() {
    TimeParser.Times range = TimeParser.parse(Text.tokens("entre enero de 1993 y abril de 2020"));
    assertThat(range.paired()).isTrue();
    TimeSpec whole = range.found().get(0).spec().through(range.found().get(1).spec());
    assertThat(whole.from()).isEqualTo(LocalDate.of(1993, 1, 1));
    assertThat(whole.to()).isEqualTo(LocalDate.of(2020, 5, 1));

    TimeParser.Times days = TimeParser.parse(Text.tokens("cuánto varió entre el 1 y el 31 de enero de 2023"));
    assertThat(days.paired()).isTrue();
    assertThat(days.found().get(0).spec().from()).isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(days.found().get(1).spec().from()).isEqualTo(LocalDate.of(2023, 1, 31));

    TimeParser.Times winter = TimeParser.parse(Text.tokens("entre diciembre y marzo de 2023"));
    assertThat(winter.found().get(0).spec().from()).isEqualTo(LocalDate.of(2022, 12, 1));
  }

  @Test
  void should_mean_every_year_when_a_month_or_day_has_no_year() {
    TimeSpec march = specs("días hábiles de marzo").get(0);
    assertThat(march.recurring()).isTrue();
    assertThat(march.sql("fecha")).isEqualTo("month(fecha) = 3");
    assertThat(specs("el precio más bajo el 31 de julio").get(0).sql("f")).isEqualTo("month(f) = 7 AND dayofmonth(f) = 31");
  }

  @Test
  void should_find_no_time_when_numbers_are_counts_or_amounts() {
    assertThat(specs("las 3 centrales con mayor potencia")).isEmpty();
    assertThat(specs("centrales con más de 100 MW")).isEmpty();
    assertThat(specs("31 de febrero de 2023")).isEmpty();
  }
}
