package io.datagent.ingestion.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FootnotesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Buenos Aires/1|Buenos Aires|/1",
      "Buenos Aires /12|Buenos Aires|/12",
      "Ventas (1)|Ventas|(1)",
      "Precio*|Precio|*",
      "Precio **|Precio|**",
      "Demanda (*)|Demanda|(*)",
  })
  void should_split_the_marker_when_a_header_ends_with_one(String header, String text, String marker) {
    // when
    Footnotes.Split split = Footnotes.splitMarker(header);

    // then
    assertThat(split).isEqualTo(new Footnotes.Split(text, marker));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Mes/Año", "Ratio 1/2", "Potencia (MW)", "kW/1000", "Mes", "2019", "Q1/2020"})
  void should_keep_the_header_whole_when_it_has_no_marker(String header) {
    // when
    Footnotes.Split split = Footnotes.splitMarker(header);

    // then
    assertThat(split).isEqualTo(new Footnotes.Split(header, null));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/1Para una apertura por Distribuidora ver Anexo.|/1|Para una apertura por Distribuidora ver Anexo.",
      "/1 Datos provisorios|/1|Datos provisorios",
      "(2) Incluye GNC|(2)|Incluye GNC",
      "(*) Estimado|(*)|Estimado",
      "* Precio medio|*|Precio medio",
      "3) Sin datos|3)|Sin datos",
      "¹ Nota al pie|¹|Nota al pie",
  })
  void should_parse_marker_and_text_when_a_note_starts_with_a_marker(String line, String marker, String text) {
    // when / then
    assertThat(Footnotes.parseNote(line)).contains(new Footnotes.Note(marker, text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"FUENTE: ENARGAS", "2020 fue un año seco", "/1", "Total"})
  void should_return_empty_when_a_line_has_no_leading_marker(String line) {
    // when / then
    assertThat(Footnotes.parseNote(line)).isEmpty();
  }

  @Test
  void should_give_the_same_key_when_markers_differ_only_in_punctuation() {
    // when / then
    assertThat(Footnotes.key("/1")).isEqualTo("1")
        .isEqualTo(Footnotes.key("(1)")).isEqualTo(Footnotes.key("1)")).isEqualTo(Footnotes.key("¹"));
    assertThat(Footnotes.key("(*)")).isEqualTo(Footnotes.key("*"));
  }
}
