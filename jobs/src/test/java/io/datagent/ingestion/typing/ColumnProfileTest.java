package io.datagent.ingestion.typing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ColumnProfileTest {

  static ColumnProfile profile(String header, boolean spreadsheet, List<String> values) {
    ColumnProfile p = new ColumnProfile(header, spreadsheet);
    values.forEach(p::add);
    return p;
  }

  static ColumnType decide(String... values) {
    return profile("valor", false, List.of(values)).decide();
  }

  static List<String> times(int n, String value) {
    return Collections.nCopies(n, value);
  }

  @Test
  void should_be_text_and_count_nothing_when_every_value_is_a_null_token() {
    // given
    ColumnProfile p = profile("x", false, List.of("", "  ", "-", "--", "s/d", "S/D", "sd", "n/d", "ND", "n/a", "NA",
        "null", "NULL", "…", "...", " N/A "));

    // then
    assertThat(p.nonBlank()).isZero();
    assertThat(p.decide()).isEqualTo(ColumnType.TEXT);
  }

  @Test
  void should_ignore_null_tokens_when_deciding() {
    // given
    ColumnProfile p = profile("x", false, Arrays.asList("12", "-", "s/d", null, "", "7"));

    // then
    assertThat(p.nonBlank()).isEqualTo(2);
    assertThat(p.decide().kind()).isEqualTo(Kind.INTEGER);
  }

  @Test
  void should_be_text_when_a_code_has_leading_zeros() {
    assertThat(decide("02250", "1900", "8300").kind()).isEqualTo(Kind.TEXT);
    assertThat(decide("007").kind()).isEqualTo(Kind.TEXT);
    assertThat(decide("0", "5", "10").kind()).isEqualTo(Kind.INTEGER);
    assertThat(decide("0.5", "1.25").kind()).isEqualTo(Kind.DECIMAL);
    assertThat(decide("0,5", "1,25").kind()).isEqualTo(Kind.DECIMAL);
  }

  @Test
  void should_be_integer_with_grouping_when_groups_are_consistent() {
    assertThat(decide("1.234.567", "12", "1.234")).isEqualTo(ColumnType.integer(new NumberStyle(',', '.')));
    assertThat(decide("1,234,567", "-5")).isEqualTo(ColumnType.integer(new NumberStyle('.', ',')));
    assertThat(decide("1 234 567", "5")).isEqualTo(ColumnType.integer(new NumberStyle('.', ' ')));
    assertThat(decide("1", "+2", "-3")).isEqualTo(ColumnType.integer(NumberStyle.DOT));
  }

  @Test
  void should_read_a_lone_dot_with_three_digits_as_decimal_when_nothing_says_grouping() {
    assertThat(decide("1.234", "5")).isEqualTo(ColumnType.decimal(3, NumberStyle.DOT));
    assertThat(decide("20.001", "525.96")).isEqualTo(ColumnType.decimal(3, NumberStyle.DOT));
  }

  @Test
  void should_read_many_lone_three_digit_groups_beside_plain_integers_as_thousands_when_nothing_else_decides() {
    // given an INE column: 823, 1.706, 13.229 … (never a decimal of another length)
    ColumnType t = decide("1.706", "1.653", "1.984", "13.229", "2.547", "823", "96");

    // then whole numbers with dot grouping; a single ambiguous value stays a decimal
    assertThat(t).isEqualTo(ColumnType.integer(new NumberStyle(',', '.')));
    assertThat(decide("1,706", "1,653", "1,984", "13,229", "2,547", "823")).isEqualTo(ColumnType.integer(new NumberStyle('.', ',')));
    assertThat(decide("1.706", "1.653", "1.984", "13.229", "2.547", "0.5").kind()).isEqualTo(Kind.DECIMAL);
  }

  @Test
  void should_read_a_lone_dot_with_three_digits_as_grouping_when_the_column_uses_decimal_comma() {
    assertThat(decide("1.234", "25,5")).isEqualTo(ColumnType.decimal(1, new NumberStyle(',', '.')));
    assertThat(decide("1.234,56", "7,5")).isEqualTo(ColumnType.decimal(2, new NumberStyle(',', '.')));
  }

  @Test
  void should_pick_decimal_separator_from_unambiguous_evidence() {
    assertThat(decide("1,234.56", "7.5")).isEqualTo(ColumnType.decimal(2, new NumberStyle('.', ',')));
    assertThat(decide("25,5", "3")).isEqualTo(ColumnType.decimal(1, NumberStyle.COMMA));
    assertThat(decide("1284.3", "3")).isEqualTo(ColumnType.decimal(1, NumberStyle.DOT));
    assertThat(decide("1 234,5", "3")).isEqualTo(ColumnType.decimal(1, new NumberStyle(',', ' ')));
    assertThat(decide("1,234", "7")).isEqualTo(ColumnType.decimal(3, NumberStyle.COMMA));
  }

  @Test
  void should_follow_the_majority_when_decimal_evidence_conflicts() {
    // given: 50 dot decimals and one decimal comma, 98 % agree
    List<String> values = new ArrayList<>(times(50, "1.5"));
    values.add("2,5");

    // when / then
    assertThat(profile("x", false, values).decide()).isEqualTo(ColumnType.decimal(1, NumberStyle.DOT));
    assertThat(decide("1.5", "1.5", "2,5").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void should_be_text_when_numbers_do_not_fit() {
    assertThat(decide("9223372036854775807").kind()).isEqualTo(Kind.INTEGER);
    assertThat(decide("9223372036854775808").kind()).isEqualTo(Kind.TEXT);
    assertThat(decide("0.1234567890123456789").kind()).isEqualTo(Kind.TEXT);
    assertThat(decide("0.123456789012345678")).isEqualTo(ColumnType.decimal(18, NumberStyle.DOT));
    assertThat(decide("10.0.0.1", "1.2.3").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void should_be_date_when_values_use_supported_forms() {
    assertThat(decide("1/1/2022", "01/12/2022").dateStyle().forms()).containsExactly(DateForm.DAY_MONTH_YEAR_SLASH);
    assertThat(decide("01-12-2022").dateStyle().forms()).containsExactly(DateForm.DAY_MONTH_YEAR_DASH);
    assertThat(decide("2016-05-01", "2016-05-01 00:00:00", "2016-05-01T00:00:00").kind()).isEqualTo(Kind.DATE);
    assertThat(decide("ene-22", "Ene/1993", "ene-1993", "enero 2020", "sep-21", "set-21", "dic.-22", "SETIEMBRE 2020")
        .dateStyle().forms()).containsExactly(DateForm.MONTH_LABEL);
    assertThat(decide("ene-22", "1/1/2022", "2/1/2022").dateStyle().forms())
        .containsExactly(DateForm.DAY_MONTH_YEAR_SLASH, DateForm.MONTH_LABEL);
  }

  @Test
  void should_be_date_when_values_are_statistics_office_months() {
    // given an INE monthly series (2025M05 is May 2025)
    ColumnType t = profile("Periodo", false, List.of("2025M05", "2025M04", "1995M01")).decide();

    // then
    assertThat(t.kind()).isEqualTo(Kind.DATE);
    assertThat(t.dateStyle().forms()).containsExactly(DateForm.YEAR_M_MONTH);
    assertThat(decide("2025M13").kind()).isEqualTo(Kind.TEXT);
    assertThat(decide("2025M5").kind()).isEqualTo(Kind.TEXT);
    assertThat(decide("2025T2").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void should_not_be_date_when_a_date_is_impossible_or_has_a_time() {
    assertThat(decide("31/02/2022", "1/1/2022").kind()).isEqualTo(Kind.TEXT);
    assertThat(decide("2016-05-01 13:45:00").kind()).isEqualTo(Kind.TEXT);
    assertThat(decide("13/2022").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void should_read_excel_serials_as_dates_only_when_spreadsheet_and_date_header() {
    List<String> serials = List.of("44562", "44563", "44926");
    assertThat(profile("Fecha de alta", true, serials).decide())
        .isEqualTo(ColumnType.date(new DateStyle(List.of(DateForm.EXCEL_SERIAL))));
    assertThat(profile("Período", true, serials).decide().kind()).isEqualTo(Kind.DATE);
    assertThat(profile("Fecha", false, serials).decide().kind()).isEqualTo(Kind.INTEGER);
    assertThat(profile("Ventas", true, serials).decide().kind()).isEqualTo(Kind.INTEGER);
    assertThat(profile("TEMPERATURA MEDIA", true, serials).decide().kind()).isEqualTo(Kind.INTEGER);
    assertThat(profile("Mes", true, List.of("1", "2", "12")).decide().kind()).isEqualTo(Kind.INTEGER);
    assertThat(profile("Fecha", true, List.of("44562", "2022-01-02")).decide().dateStyle().forms())
        .containsExactlyInAnyOrder(DateForm.EXCEL_SERIAL, DateForm.ISO);
  }

  @Test
  void should_be_boolean_when_values_are_two_yes_no_tokens() {
    assertThat(decide("Sí", "no", "SI", "No", " si ")).isEqualTo(ColumnType.BOOLEAN);
    assertThat(decide("S", "N")).isEqualTo(ColumnType.BOOLEAN);
    assertThat(decide("VERDADERO", "falso")).isEqualTo(ColumnType.BOOLEAN);
    assertThat(decide("true", "FALSE")).isEqualTo(ColumnType.BOOLEAN);
    assertThat(decide("si", "no", "true").kind()).isEqualTo(Kind.TEXT);
    assertThat(decide("Hábil", "No Hábil").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void should_tolerate_two_percent_misfits_when_there_are_at_least_twenty_values() {
    List<String> fortyNine = new ArrayList<>(times(49, "3"));
    fortyNine.add("abc");
    List<String> nineteen = new ArrayList<>(times(19, "3"));
    nineteen.add("abc");

    assertThat(profile("x", false, fortyNine).decide().kind()).isEqualTo(Kind.INTEGER);
    assertThat(profile("x", false, nineteen).decide().kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void should_decide_the_same_when_merged_in_any_grouping() {
    // given
    List<String> values = List.of("1.234", "25,5", "-", "7", "1.234.567", "3,25", "abc", "8");
    List<List<String>> parts = List.of(values.subList(0, 3), values.subList(3, 5), values.subList(5, 8));

    // when
    ColumnType whole = profile("x", false, values).decide();
    ColumnProfile left = profile("x", false, parts.get(0)).merge(profile("x", false, parts.get(1)))
        .merge(profile("x", false, parts.get(2)));
    ColumnProfile right = profile("x", false, parts.get(0))
        .merge(profile("x", false, parts.get(1)).merge(profile("x", false, parts.get(2))));

    // then
    assertThat(left.decide()).isEqualTo(whole);
    assertThat(right.decide()).isEqualTo(whole);
    assertThat(left.nonBlank()).isEqualTo(7);
  }

  @Test
  void should_survive_java_serialization_when_shipped_to_spark_tasks() throws Exception {
    // given
    ColumnProfile p = profile("Fecha", true, List.of("44562", "1/1/2022"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }

    // when
    ColumnProfile copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ColumnProfile) in.readObject();
    }

    // then
    assertThat(copy.decide()).isEqualTo(p.decide());
    assertThat(copy.originalHeader()).isEqualTo("Fecha");
  }

  @Test
  void should_profile_a_million_decimal_values_when_column_is_large() {
    // given
    List<String> pool = IntStream.range(0, 1000).mapToObj(i -> i + "." + (i % 97)).collect(Collectors.toList());
    ColumnProfile p = new ColumnProfile("potencia", false);

    // when
    for (int i = 0; i < 1_000_000; i++) {
      p.add(pool.get(i % pool.size()));
    }

    // then
    assertThat(p.nonBlank()).isEqualTo(1_000_000);
    assertThat(p.decide()).isEqualTo(ColumnType.decimal(2, NumberStyle.DOT));
  }
}
