package io.datagent.ingestion.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimiterDetectorTest {

  @Test
  void should_pick_semicolon_when_decimal_commas_are_quoted() {
    // given
    List<String> lines = List.of(
        "nombre;valor;otro",
        "\"a\";\"1,5\";\"2,75\"",
        "\"b\";\"3,25\";\"4,5\"",
        "\"c, d\";\"10,0\";\"1\"");

    // when / then
    assertThat(DelimiterDetector.detect(lines)).isEqualTo(';');
  }

  @Test
  void should_pick_semicolon_when_decimal_commas_are_unquoted() {
    // given: every data line has as many commas as semicolons
    List<String> lines = List.of("nombre;valor;otro", "a;1,5;2,75", "b;3,1;4,5", "c;7,25;0,5");

    // when / then
    assertThat(DelimiterDetector.detect(lines)).isEqualTo(';');
  }

  @Test
  void should_pick_comma_when_text_fields_contain_semicolons() {
    // given
    List<String> lines = List.of("id,nota,valor", "1,\"a; b\",2.5", "2,c,3.5", "3,d;e,4");

    // when / then: the unquoted "d;e" breaks neither the mode nor the comma majority
    assertThat(DelimiterDetector.detect(lines)).isEqualTo(',');
  }

  @Test
  void should_pick_tab_when_file_is_tab_separated() {
    // given
    List<String> lines = List.of("fecha\tvalor, en MW\tregion", "1/1/2022\t1,5\tNOA", "2/1/2022\t2\tNEA");

    // when / then
    assertThat(DelimiterDetector.detect(lines)).isEqualTo('\t');
  }

  @Test
  void should_pick_pipe_when_file_is_pipe_separated() {
    // given
    List<String> lines = List.of("a|b|c", "1|2,5|x", "2|3|y, z");

    // when / then
    assertThat(DelimiterDetector.detect(lines)).isEqualTo('|');
  }

  @Test
  void should_ignore_title_lines_when_they_precede_the_header() {
    // given
    List<String> lines = List.of(
        "Cuadro I.5.1a",
        "Ventas minoristas por rubro",
        "En millones de pesos",
        "Rubro;2021;2022",
        "Alimentos;1.234,5;2.345,6",
        "Bebidas;345,2;400,1");

    // when / then
    assertThat(DelimiterDetector.detect(lines)).isEqualTo(';');
  }

  @Test
  void should_return_comma_when_no_line_has_a_candidate() {
    // given
    List<String> lines = List.of("nombre", "Juan", "", "María");

    // when / then
    assertThat(DelimiterDetector.detect(lines)).isEqualTo(',');
    assertThat(DelimiterDetector.detect(List.of())).isEqualTo(',');
  }

  @Test
  void should_detect_sample_files_delimiters() throws IOException {
    // given
    Path dir = Path.of("/work/shared/samples/energia");
    List<String> cammesa = Files.readAllLines(dir.resolve("Cammesa_res.csv"), StandardCharsets.ISO_8859_1)
        .subList(0, 50);
    List<String> potencia = Files.readAllLines(dir.resolve("PotenciaInstalada.csv"), StandardCharsets.UTF_8)
        .subList(0, 50);

    // when / then
    assertThat(DelimiterDetector.detect(cammesa)).isEqualTo(';');
    assertThat(DelimiterDetector.detect(potencia)).isEqualTo(',');
  }
}
