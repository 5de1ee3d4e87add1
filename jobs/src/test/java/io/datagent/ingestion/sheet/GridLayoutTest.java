package io.datagent.ingestion.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GridLayoutTest {

  @Test
  void should_find_the_header_below_title_rows_when_titles_have_one_cell() {
    // given
    List<List<String>> rows = List.of(
        List.of("Gas Entregado: Servicio Residencial"),
        List.of(),
        List.of("Año:", "Todos"),
        List.of("<"),
        List.of("Mes", "Buenos Aires/1", "Catamarca", "Total"),
        List.of("1993-01-01", "75516", "387", "182026"),
        List.of("1993-02-01", "71394", "308", "150000"));

    // when
    GridLayout.Layout layout = GridLayout.detect(rows);

    // then
    assertThat(layout.headerIndex()).isEqualTo(4);
    assertThat(layout.titleLines()).containsExactly("Gas Entregado: Servicio Residencial", "Año: Todos");
    assertThat(GridLayout.isHeaderOnly(rows, layout)).isFalse();
  }

  @Test
  void should_take_the_first_row_when_the_file_starts_with_its_header() {
    // given
    List<List<String>> rows = List.of(List.of("fecha", "demanda", "precio"), List.of("1/1/2022", "1.234,5", "10"));

    // when
    GridLayout.Layout layout = GridLayout.detect(rows);

    // then
    assertThat(layout).isEqualTo(new GridLayout.Layout(0, List.of()));
  }

  @Test
  void should_accept_year_headers_when_a_wide_table_names_columns_by_year() {
    // given
    List<List<String>> rows = List.of(
        List.of("Demanda por provincia"),
        List.of("Provincia", "2019", "2020", "2021"),
        List.of("Salta", "10", "11", "12"));

    // when / then
    assertThat(GridLayout.detect(rows).headerIndex()).isEqualTo(1);
  }

  @Test
  void should_accept_a_one_cell_header_when_the_file_has_a_single_column() {
    // given
    List<List<String>> rows = List.of(List.of("central"), List.of("Atucha"), List.of("Embalse"));

    // when / then
    assertThat(GridLayout.detect(rows).headerIndex()).isZero();
  }

  @Test
  void should_report_header_only_when_no_row_follows_the_header() {
    // given
    List<List<String>> rows = List.of(List.of("Informe"), List.of("fecha", "importe"), List.of("", ""));

    // when
    GridLayout.Layout layout = GridLayout.detect(rows);

    // then
    assertThat(layout.headerIndex()).isEqualTo(1);
    assertThat(GridLayout.isHeaderOnly(rows, layout)).isTrue();
  }

  @Test
  void should_return_no_header_when_every_row_is_blank() {
    // when
    GridLayout.Layout layout = GridLayout.detect(List.of(List.of(), List.of("", " ")));

    // then
    assertThat(layout.hasHeader()).isFalse();
  }

  @Test
  void should_fall_back_to_the_first_row_when_every_row_is_numeric() {
    // when / then
    assertThat(GridLayout.detect(List.of(List.of("1", "2"), List.of("3", "4"))).headerIndex()).isZero();
  }
}
