package io.datagent.ingestion.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.ingestion.SourceFormatException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanionDictionaryTest {

  @TempDir
  Path dir;

  @Test
  void should_read_entries_when_the_file_is_utf8_with_bom_and_semicolons() throws IOException {
    // given
    Path file = write("demanda.diccionario.csv",
        "\uFEFFcolumna;descripcion\r\nFecha;Día de operación\r\nDemanda;\"Demanda total; en MWh\"\r\n\r\n",
        StandardCharsets.UTF_8);

    // when
    Map<String, String> entries = CompanionDictionary.read(file);

    // then
    assertThat(entries).containsExactly(
        Map.entry("Fecha", "Día de operación"), Map.entry("Demanda", "Demanda total; en MWh"));
  }

  @Test
  void should_read_entries_when_commas_and_an_accented_upper_case_header_are_used() throws IOException {
    // given
    Path file = write("p.diccionario.csv",
        "COLUMNA,Descripción\nPOTENCIA INSTALADA [MW],\"Potencia, en megavatios\"\nCentral ,Nombre de la central\n",
        StandardCharsets.UTF_8);

    // when
    Map<String, String> entries = CompanionDictionary.read(file);

    // then
    assertThat(entries)
        .containsEntry("POTENCIA INSTALADA [MW]", "Potencia, en megavatios")
        .containsEntry("Central", "Nombre de la central");
  }

  @Test
  void should_decode_windows_1252_when_the_file_is_not_valid_utf8() throws IOException {
    // given
    Path file = write("c.diccionario.csv", "Campo;Definición\nAño;Año calendario\n", Charset.forName("windows-1252"));

    // when / then
    assertThat(CompanionDictionary.read(file)).containsExactly(Map.entry("Año", "Año calendario"));
  }

  @Test
  void should_name_the_file_and_line_when_the_header_is_not_recognised() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "a;b\nFecha;Día\n", StandardCharsets.UTF_8);

    // when / then
    assertThatThrownBy(() -> CompanionDictionary.read(file))
        .isInstanceOf(SourceFormatException.class)
        .hasMessageStartingWith("x.diccionario.csv, fila 1: no se reconoce la cabecera del diccionario (a | b)");
  }

  @Test
  void should_name_the_row_when_an_unquoted_description_contains_the_delimiter() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "columna,descripcion\nFecha,Día\nPrecio,En pesos, sin IVA\n",
        StandardCharsets.UTF_8);

    // when / then
    assertThatThrownBy(() -> CompanionDictionary.read(file))
        .isInstanceOf(SourceFormatException.class)
        .hasMessageContaining("x.diccionario.csv, fila 3: la fila tiene 3 valores y la cabecera 2")
        .extracting(e -> ((SourceFormatException) e).row()).isEqualTo(3L);
  }

  @Test
  void should_reject_a_row_when_a_description_has_no_column_name() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "columna;descripcion\n;Huérfana\n", StandardCharsets.UTF_8);

    // when / then
    assertThatThrownBy(() -> CompanionDictionary.read(file))
        .isInstanceOf(SourceFormatException.class)
        .hasMessageContaining("fila 2: falta el nombre de la columna");
  }

  @Test
  void should_reject_a_column_when_it_is_described_twice_differently() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "columna;descripcion\nFecha;Día\nMW;Potencia\nFecha;Mes\n",
        StandardCharsets.UTF_8);

    // when / then
    assertThatThrownBy(() -> CompanionDictionary.read(file))
        .isInstanceOf(SourceFormatException.class)
        .hasMessageContaining("fila 4: la columna 'Fecha' ya tiene otra descripción en la fila 2");
  }

  @Test
  void should_reject_the_file_when_it_is_empty() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "", StandardCharsets.UTF_8);

    // when / then
    assertThatThrownBy(() -> CompanionDictionary.read(file))
        .isInstanceOf(SourceFormatException.class)
        .hasMessage("x.diccionario.csv: el diccionario está vacío: se esperaba una cabecera 'columna;descripcion'"
            + " y una fila por columna");
  }

  @Test
  void should_find_the_companion_when_it_sits_beside_the_data_file() throws IOException {
    // given
    Path data = Files.createFile(dir.resolve("Cammesa_res.csv"));
    Path companion = Files.createFile(dir.resolve("Cammesa_res.DICCIONARIO.csv"));
    Path lonely = Files.createFile(dir.resolve("otro.xlsx"));

    // when / then
    assertThat(CompanionDictionary.find(data)).contains(companion);
    assertThat(CompanionDictionary.find(lonely)).isEmpty();
    assertThat(CompanionDictionary.isCompanion(companion)).isTrue();
    assertThat(CompanionDictionary.isCompanion(data)).isFalse();
  }

  private Path write(String name, String content, Charset charset) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(charset));
  }
}
