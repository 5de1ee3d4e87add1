package io.datagent.ingestion.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.ingestion.sheet.CompanionDictionary.Dictionary;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Companion dictionaries, well formed and hostile: each hostile one still gives every usable description. */
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
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).containsExactly(
        Map.entry("Fecha", "Día de operación"), Map.entry("Demanda", "Demanda total; en MWh"));
    assertThat(d.notes()).isEmpty();
  }

  @Test
  void should_read_entries_when_commas_and_an_accented_upper_case_header_are_used() throws IOException {
    // given
    Path file = write("p.diccionario.csv",
        "COLUMNA,Descripción\nPOTENCIA INSTALADA [MW],\"Potencia, en megavatios\"\nCentral ,Nombre de la central\n",
        StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions())
        .containsEntry("POTENCIA INSTALADA [MW]", "Potencia, en megavatios")
        .containsEntry("Central", "Nombre de la central");
    assertThat(d.notes()).isEmpty();
  }

  @Test
  void should_decode_windows_1252_when_the_file_is_not_valid_utf8() throws IOException {
    // given
    Path file = write("c.diccionario.csv", "Campo;Definición\nAño;Año calendario\n", Charset.forName("windows-1252"));

    // when / then
    assertThat(CompanionDictionary.read(file).descriptions()).containsExactly(Map.entry("Año", "Año calendario"));
  }

  @Test
  void should_decode_utf16_with_bom() throws IOException {
    // given
    Path file = write("c.diccionario.csv", "\uFEFFcolumna\tdescripcion\nAño\tAño calendario\n", StandardCharsets.UTF_16LE);

    // when / then
    assertThat(CompanionDictionary.read(file).descriptions()).containsExactly(Map.entry("Año", "Año calendario"));
  }

  @Test
  void should_read_name_then_description_when_there_is_no_header() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "Fecha;Día de operación\nPrecio;En pesos\n", StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).containsExactly(Map.entry("Fecha", "Día de operación"), Map.entry("Precio", "En pesos"));
    assertThat(d.notes()).isEmpty();
  }

  @Test
  void should_find_the_header_below_a_title_line_and_skip_blank_and_comment_lines() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "Diccionario de datos de estaciones\n\n# generado a mano\n"
        + "Campo|Descripción|Tipo\n\nFecha|Día|fecha\n  # otro comentario\nPrecio|En pesos|número\n", StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).containsExactly(Map.entry("Fecha", "Día"), Map.entry("Precio", "En pesos"));
    assertThat(d.notes()).isEmpty();
  }

  @Test
  void should_join_the_extra_values_back_when_an_unquoted_description_contains_the_delimiter() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "columna,descripcion\nFecha,Día\nPrecio,En pesos, sin IVA, por litro\n"
        + "Rótulo,Marca\n", StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).containsExactly(Map.entry("Fecha", "Día"),
        Map.entry("Precio", "En pesos, sin IVA, por litro"), Map.entry("Rótulo", "Marca"));
    assertThat(d.notes()).singleElement().asString()
        .startsWith("x.diccionario.csv, fila 3: la fila tiene 4 valores y se esperaban 2 (columna,descripcion)")
        .contains("escríbala entre comillas dobles");
  }

  @Test
  void should_keep_trailing_columns_aligned_when_the_description_is_not_the_last_column() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "campo;descripcion;unidad\nPrecio;En pesos; sin IVA;$/l\nFecha;Día;\n",
        StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).containsExactly(Map.entry("Precio", "En pesos; sin IVA"), Map.entry("Fecha", "Día"));
    assertThat(d.notes()).hasSize(1);
  }

  @Test
  void should_read_a_quoted_description_that_spans_lines() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "columna;descripcion\nPrecio;\"En pesos;\nsin IVA, con \"\"tasas\"\"\"\n"
        + "Fecha;Día\n", StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).containsExactly(Map.entry("Precio", "En pesos;\nsin IVA, con \"tasas\""),
        Map.entry("Fecha", "Día"));
    assertThat(d.notes()).isEmpty();
  }

  @Test
  void should_read_the_line_alone_when_a_quote_is_never_closed() throws IOException {
    // given: the open quote on line 3 must not swallow the 200 entries after it
    StringBuilder text = new StringBuilder("columna;descripcion\nFecha;Día\nPrecio;\"En pesos sin IVA\n");
    for (int i = 0; i < 200; i++) {
      text.append("Col").append(i).append(";Descripción ").append(i).append('\n');
    }
    Path file = write("x.diccionario.csv", text.toString(), StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).hasSize(202).containsEntry("Precio", "\"En pesos sin IVA")
        .containsEntry("Col0", "Descripción 0").containsEntry("Col199", "Descripción 199");
    assertThat(d.notes()).singleElement().asString().startsWith("x.diccionario.csv, fila 3: hay una comilla doble sin cerrar");
  }

  @Test
  void should_not_join_lines_when_a_later_stray_quote_would_close_an_unclosed_one() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "columna;descripcion\nPrecio;\"En pesos\nFecha;Día\nPantalla;De 5\" de ancho\n",
        StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).containsEntry("Fecha", "Día").containsEntry("Pantalla", "De 5\" de ancho")
        .containsKey("Precio");
    assertThat(d.notes()).singleElement().asString().contains("fila 2: hay una comilla doble sin cerrar");
  }

  @Test
  void should_keep_the_first_description_when_a_column_is_described_twice() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "columna;descripcion\nFecha;Día\nMW;Potencia\nfecha;Mes\nMW;Potencia\n",
        StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).containsExactly(Map.entry("Fecha", "Día"), Map.entry("MW", "Potencia"));
    assertThat(d.notes()).singleElement().asString()
        .isEqualTo("x.diccionario.csv, fila 4: la columna 'fecha' ya tiene otra descripción en la fila 2; se usa la primera."
            + " Deje una sola");
  }

  @Test
  void should_note_and_skip_a_description_without_a_column_name_and_a_line_without_delimiter() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "columna;descripcion\n;Huérfana\nsolo texto\nFecha;Día\nPrecio;\n",
        StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).containsExactly(Map.entry("Fecha", "Día"));
    assertThat(d.notes()).hasSize(2);
    assertThat(d.notes().get(0)).contains("fila 2: falta el nombre de la columna");
    assertThat(d.notes().get(1)).contains("fila 3: la fila no tiene el separador ';'");
  }

  @Test
  void should_note_entries_for_columns_the_data_does_not_have() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "columna;descripcion\nRotulo;Marca\nInexistente;Nada\n", StandardCharsets.UTF_8);

    // when
    List<String> unmatched = CompanionDictionary.read(file).unmatched(List.of("Rótulo", "Precio"));

    // then
    assertThat(unmatched).singleElement().asString()
        .startsWith("x.diccionario.csv, fila 3: la columna 'Inexistente' no está en los datos");
  }

  @Test
  void should_return_a_note_and_no_entries_when_the_file_is_empty_or_binary() throws IOException {
    // given
    Path empty = write("x.diccionario.csv", "", StandardCharsets.UTF_8);
    Path binary = Files.write(dir.resolve("y.diccionario.csv"), new byte[] {0, 1, 2, 3, 0, 5, 6, 7});

    // when / then
    assertThat(CompanionDictionary.read(empty).descriptions()).isEmpty();
    assertThat(CompanionDictionary.read(empty).notes()).singleElement().asString()
        .startsWith("x.diccionario.csv: el diccionario está vacío");
    assertThat(CompanionDictionary.read(binary).descriptions()).isEmpty();
    assertThat(CompanionDictionary.read(binary).notes()).singleElement().asString().contains("no es un archivo de texto");
  }

  @Test
  void should_survive_random_garbage_lines_between_good_entries() throws IOException {
    // given
    Path file = write("x.diccionario.csv", "columna;descripcion\nFecha;Día\n\"\"\";;;\"\n;;;;\n\"a\"b;\"c\nPrecio;En pesos\n",
        StandardCharsets.UTF_8);

    // when
    Dictionary d = CompanionDictionary.read(file);

    // then
    assertThat(d.descriptions()).containsEntry("Fecha", "Día").containsEntry("Precio", "En pesos");
    assertThat(d.notes()).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("x.diccionario.csv, fila "));
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
