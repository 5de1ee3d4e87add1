package io.datagent.ingestion.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrailerDetectorTest {

  @ParameterizedTest
  @ValueSource(strings = {"Total", "TOTAL GENERAL", "Totales", "Total 2020", "Acumulado 2020", "Acum. ene-may 2020",
      "Suma", "Promedio", "Media anual", "Subtotal", "Sub-total:", "Total al 31/12/2020"})
  void should_recognise_a_total_row_when_the_first_cell_is_a_total_label(String label) {
    // when / then
    assertThat(TrailerDetector.isTotalRow(List.of("", label, "100"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Total Austral S.A.", "Media tensión", "Totalizador", "Buenos Aires", "2020-05-01"})
  void should_not_see_a_total_row_when_the_label_is_data(String label) {
    // when / then
    assertThat(TrailerDetector.isTotalRow(List.of(label, "100"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/1Para una apertura por Distribuidora", "(1) Incluye GNC", "(*) Estimado", "* Provisorio",
      "Nota: datos provisorios", "Notas.", "FUENTE: ENARGAS, en base a datos", "Elaboración propia",
      "Los datos de 2020 son provisorios"})
  void should_recognise_a_note_line_when_a_single_cell_starts_with_a_marker_or_is_prose(String text) {
    // when / then
    assertThat(TrailerDetector.isNoteLine(List.of(text, "", ""), 22)).isTrue();
  }

  @Test
  void should_not_see_a_note_when_the_row_has_several_cells_or_a_short_label() {
    // when / then
    assertThat(TrailerDetector.isNoteLine(List.of("Fuente: ENARGAS", "10"), 22)).isFalse();
    assertThat(TrailerDetector.isNoteLine(List.of("Buenos Aires"), 22)).isFalse();
    assertThat(TrailerDetector.isNoteLine(List.of("Los datos de 2020 son provisorios"), 1)).isFalse();
  }

  @Test
  void should_end_the_block_before_totals_and_notes_when_no_data_follows_them() {
    // given
    List<List<String>> rows = List.of(
        List.of("Norte", "10"), List.of(), List.of("Sur", "5"), List.of("Total", "15"), List.of(),
        List.of("Fuente: propia"));

    // when / then
    assertThat(TrailerDetector.dataEnd(rows, 2)).isEqualTo(3);
  }

  @Test
  void should_keep_a_middle_total_when_data_follows_it() {
    // given
    List<List<String>> rows = List.of(List.of("Norte", "10"), List.of("Subtotal", "10"), List.of("Sur", "5"));

    // when / then
    assertThat(TrailerDetector.dataEnd(rows, 2)).isEqualTo(3);
  }

  @Test
  void should_drop_an_unlabelled_last_row_when_it_holds_the_column_sums() {
    // given: the ENARGAS shape, an accumulated row labelled only by the next month, rounded sums
    List<List<String>> rows = new ArrayList<>(List.of(
        List.of("2020-01-01", "115055", "36409", "0"),
        List.of("2020-02-01", "107554", "34498", "0"),
        List.of("2020-03-01", "127844", "40512", "0"),
        List.of("2020-04-01", "195714", "45452", "0"),
        List.of("2020-05-01", "546168", "156871", "0"),
        List.of(),
        List.of("/1Para una apertura por Distribuidora")));

    // when / then
    assertThat(TrailerDetector.dataEnd(rows, 4)).isEqualTo(4);
  }

  @Test
  void should_keep_the_last_row_when_its_numbers_are_not_column_sums() {
    // given
    List<List<String>> rows = List.of(
        List.of("a", "1", "2"), List.of("b", "3", "4"), List.of("c", "5", "6"), List.of("d", "9", "12.5"));

    // when / then
    assertThat(TrailerDetector.dataEnd(rows, 3)).isEqualTo(4);
  }

  @Test
  void should_keep_a_sum_like_row_when_too_few_rows_are_above_it() {
    // given
    List<List<String>> rows = List.of(List.of("a", "1"), List.of("b", "2"), List.of("c", "3"));

    // when / then
    assertThat(TrailerDetector.dataEnd(rows, 2)).isEqualTo(3);
  }

  @Test
  void should_return_zero_when_only_trailers_follow_the_header() {
    // when / then
    assertThat(TrailerDetector.dataEnd(List.of(List.of(), List.of("Total", "0")), 2)).isZero();
  }
}
