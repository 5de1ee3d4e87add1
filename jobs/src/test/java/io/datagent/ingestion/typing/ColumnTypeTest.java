package io.datagent.ingestion.typing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnTypeTest {

  @Test
  void should_give_spark_sql_types_when_asked_for_each_kind() {
    assertThat(ColumnType.integer(NumberStyle.DOT).sqlType()).isEqualTo("BIGINT");
    assertThat(ColumnType.decimal(2, NumberStyle.COMMA).sqlType()).isEqualTo("DECIMAL(38,2)");
    assertThat(ColumnType.date(DateStyle.TEXTUAL).sqlType()).isEqualTo("DATE");
    assertThat(ColumnType.BOOLEAN.sqlType()).isEqualTo("BOOLEAN");
    assertThat(ColumnType.TEXT.sqlType()).isEqualTo("STRING");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "bigint, INTEGER", "int, INTEGER", "INT, INTEGER", "smallint, INTEGER", "tinyint, INTEGER",
      "'decimal(38,2)', DECIMAL", "'DECIMAL(10, 0)', DECIMAL", "double, DECIMAL", "float, DECIMAL",
      "date, DATE", "timestamp, DATE", "boolean, BOOLEAN", "string, TEXT", "'varchar(20)', TEXT",
      "'array<string>', TEXT"})
  void should_map_existing_table_types_to_kinds_when_reading_back_sql_type(String sql, Kind expected) {
    assertThat(ColumnType.kindOfSql(sql)).isEqualTo(expected);
  }

  @Test
  void should_read_scale_when_type_is_decimal() {
    assertThat(ColumnType.scaleOfSql("decimal(38,2)")).isEqualTo(2);
    assertThat(ColumnType.scaleOfSql("DECIMAL(10, 4)")).isEqualTo(4);
    assertThat(ColumnType.scaleOfSql("decimal")).isZero();
    assertThat(ColumnType.scaleOfSql("double")).isEqualTo(ColumnType.MAX_SCALE);
    assertThat(ColumnType.scaleOfSql("bigint")).isZero();
  }

  @Test
  void should_fill_default_styles_when_null() {
    // when
    ColumnType type = new ColumnType(Kind.DATE, 0, null, null);

    // then
    assertThat(type.numberStyle()).isEqualTo(NumberStyle.DOT);
    assertThat(type.dateStyle().forms()).isEqualTo(List.of());
    assertThat(type.dateStyle().primary()).isEqualTo(DateForm.DAY_MONTH_YEAR_SLASH);
  }
}
