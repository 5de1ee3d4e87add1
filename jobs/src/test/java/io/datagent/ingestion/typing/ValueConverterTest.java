package io.datagent.ingestion.typing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueConverterTest {

  private static final ValueConverter TEXT = new ValueConverter(ColumnType.TEXT);
  private static final ValueConverter DATES = new ValueConverter(ColumnType.date(DateStyle.TEXTUAL));
  private static final ValueConverter COMMA_2 = new ValueConverter(ColumnType.decimal(2, new NumberStyle(',', '.')));
  private static final ValueConverter DOT_2 = new ValueConverter(ColumnType.decimal(2, NumberStyle.DOT));

  @Test
  void should_return_null_when_value_is_a_null_token() throws Exception {
    assertThat(TEXT.convert(null)).isNull();
    assertThat(TEXT.convert("  s/d ")).isNull();
    assertThat(COMMA_2.convert("-")).isNull();
    assertThat(DATES.convert("N/A")).isNull();
  }

  @Test
  void should_trim_text_when_converting_text() throws Exception {
    assertThat(TEXT.convert("C.T. AGUA DEL CAJON           ")).isEqualTo("C.T. AGUA DEL CAJON");
    assertThat(TEXT.convert("\u00A0Hábil ")).isEqualTo("Hábil");
  }

  @Test
  void should_read_integers_in_the_column_style() throws Exception {
    // given
    ValueConverter dotGrouped = new ValueConverter(ColumnType.integer(new NumberStyle(',', '.')));
    ValueConverter plain = new ValueConverter(ColumnType.integer(NumberStyle.DOT));

    // then
    assertThat(dotGrouped.convert("1.234.567")).isEqualTo(1_234_567L);
    assertThat(dotGrouped.convert("1.234")).isEqualTo(1234L);
    assertThat(plain.convert("-12")).isEqualTo(-12L);
    assertThat(plain.convert("1 234")).isEqualTo(1234L);
    assertThat(plain.convert("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> plain.convert("abc")).hasMessage("'abc' no es un número entero");
    assertThatThrownBy(() -> plain.convert("12.5")).hasMessage("'12.5' no es un número entero");
    assertThatThrownBy(() -> plain.convert("1.234")).hasMessage("'1.234' no es un número entero");
    assertThatThrownBy(() -> plain.convert("9223372036854775808"))
        .hasMessage("'9223372036854775808' es demasiado grande para un número entero");
  }

  @Test
  void should_give_exact_scale_when_converting_decimals() throws Exception {
    assertThat(COMMA_2.convert("1.234,5")).isEqualTo(new BigDecimal("1234.50"));
    assertThat(COMMA_2.convert("1.234")).isEqualTo(new BigDecimal("1234.00"));
    assertThat(COMMA_2.convert("-0,05")).isEqualTo(new BigDecimal("-0.05"));
    assertThat(COMMA_2.convert("1,500")).isEqualTo(new BigDecimal("1.50"));
    assertThat(DOT_2.convert("1284.3")).isEqualTo(new BigDecimal("1284.30"));
    assertThat(DOT_2.convert("12345678901234567890.5")).isEqualTo(new BigDecimal("12345678901234567890.50"));
  }

  @Test
  void should_fail_without_rounding_when_decimal_has_more_digits_than_the_scale() {
    assertThatThrownBy(() -> COMMA_2.convert("1,234")).hasMessage("'1,234' tiene 3 decimales; la columna admite 2");
    assertThatThrownBy(() -> new ValueConverter(ColumnType.decimal(0, NumberStyle.DOT)).convert("2.5"))
        .hasMessage("'2.5' tiene 1 decimal; la columna no admite decimales");
  }

  @Test
  void should_explain_when_decimal_is_not_a_number_or_uses_another_style() {
    assertThatThrownBy(() -> COMMA_2.convert("12,3x")).hasMessage("'12,3x' no es un número decimal");
    assertThatThrownBy(() -> DOT_2.convert("25,5"))
        .hasMessage("'25,5' no es un número decimal (se esperaba el formato 1234.56)");
    assertThatThrownBy(() -> COMMA_2.convert("1,234.5"))
        .hasMessage("'1,234.5' no es un número decimal (se esperaba el formato 1.234,56)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1/1/2022, 2022-01-01", "01/12/2022, 2022-12-01", "29/2/2024, 2024-02-29", "01-12-2022, 2022-12-01",
      "2016-05-01, 2016-05-01", "2016-05-01 00:00:00, 2016-05-01", "2016-05-01T00:00:00, 2016-05-01",
      "2016-05-01 00:00:00.0, 2016-05-01", "1/1/2022 0:00, 2022-01-01",
      "ene-22, 2022-01-01", "Ene/1993, 1993-01-01", "ene-1993, 1993-01-01", "enero 2020, 2020-01-01",
      "sep-21, 2021-09-01", "set-21, 2021-09-01", "dic.-22, 2022-12-01", "DIC-75, 1975-12-01",
      "Agosto de 2019, 2019-08-01", "feb-69, 2069-02-01", "2025M05, 2025-05-01", "1995m12, 1995-12-01"})
  void should_read_supported_date_forms_day_first(String raw, LocalDate expected) throws Exception {
    assertThat(DATES.convert(raw)).isEqualTo(expected);
  }

  @Test
  void should_explain_when_date_is_invalid() {
    assertThatThrownBy(() -> DATES.convert("31/02/2022"))
        .hasMessage("'31/02/2022' no es una fecha válida (se esperaba d/m/aaaa)");
    assertThatThrownBy(() -> DATES.convert("2016-05-01 13:45:00")).isInstanceOf(ConversionException.class);
    assertThatThrownBy(() -> DATES.convert("44562")).isInstanceOf(ConversionException.class);
    ValueConverter iso = new ValueConverter(ColumnType.date(new DateStyle(List.of(DateForm.ISO))));
    assertThatThrownBy(() -> iso.convert("mañana")).hasMessage("'mañana' no es una fecha válida (se esperaba aaaa-mm-dd)");
  }

  @Test
  void should_read_excel_serials_when_the_style_allows_them() throws Exception {
    // given
    ValueConverter serials = new ValueConverter(ColumnType.date(new DateStyle(List.of(DateForm.EXCEL_SERIAL))));

    // then
    assertThat(serials.convert("44562")).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(serials.convert("2022-01-02")).isEqualTo(LocalDate.of(2022, 1, 2));
    assertThatThrownBy(() -> serials.convert("12")).isInstanceOf(ConversionException.class);
  }

  @Test
  void should_read_yes_no_tokens_when_boolean() throws Exception {
    ValueConverter bool = new ValueConverter(ColumnType.BOOLEAN);
    assertThat(bool.convert("Sí")).isEqualTo(true);
    assertThat(bool.convert(" N ")).isEqualTo(false);
    assertThat(bool.convert("FALSO")).isEqualTo(false);
    assertThat(bool.convert("true")).isEqualTo(true);
    assertThatThrownBy(() -> bool.convert("quizás")).hasMessage("'quizás' no es un valor sí/no");
  }

  @Test
  void should_cut_the_value_when_it_is_long() {
    // given
    String longValue = "x".repeat(500);

    // then
    assertThatThrownBy(() -> DOT_2.convert(longValue))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("x".repeat(60) + "…'")
            .doesNotContain("x".repeat(61)));
  }

  @Test
  void should_use_table_type_and_batch_styles_when_appending_to_an_existing_column() throws Exception {
    // given: the new batch writes decimal comma
    ColumnProfile batch = ColumnProfileTest.profile("valor", false, List.of("1.234,5", "7,25"));
    ColumnProfile serialBatch = ColumnProfileTest.profile("Fecha", true, List.of("44562"));

    // when
    ValueConverter decimal = ValueConverter.forExistingColumn("decimal(38,2)", batch);
    ValueConverter bigint = ValueConverter.forExistingColumn("bigint", ColumnProfileTest.profile("n", false,
        List.of("1.234.567")));
    ValueConverter date = ValueConverter.forExistingColumn("date", serialBatch);
    ValueConverter text = ValueConverter.forExistingColumn("string", batch);

    // then
    assertThat(decimal.type()).isEqualTo(ColumnType.decimal(2, new NumberStyle(',', '.')));
    assertThat(decimal.convert("1.234,5")).isEqualTo(new BigDecimal("1234.50"));
    assertThat(bigint.convert("2.500")).isEqualTo(2500L);
    assertThat(date.convert("44562")).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(text.convert(" 7,25 ")).isEqualTo("7,25");
    assertThat(ValueConverter.forExistingColumn("double", null).convert("0.125")).isEqualTo(
        new BigDecimal("0.125").setScale(ColumnType.MAX_SCALE));
  }
}
