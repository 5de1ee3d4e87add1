package io.datagent.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "TEMPERATURA MEDIA GBA °C|temperatura_media_gba_c",
      "POTENCIA INSTALADA [MW]|potencia_instalada_mw",
      "Mes/Año|mes_ano",
      "N° Día|n_dia",
      "% Éster metílico|pct_ester_metilico",
      "AUTO+GUMAs|auto_gumas",
      "ALIMENTACIÓN. COMERCIOS Y SERVICIOS|alimentacion_comercios_y_servicios",
      "2020 ventas|c_2020_ventas",
      "Hábil/No Hábil|habil_no_habil",
      "Nº Día|n_dia",
      "1ª vez|c_1_vez",
      "Pingüino|pinguino",
      "  __Rótulo__  |rotulo",
      "Variación 50%|variacion_50_pct",
      "camelCase|camelcase",
  })
  void should_produce_snake_case_ascii_when_header_is_messy(String original, String expected) {
    // when
    String id = Names.toIdentifier(original);

    // then
    assertThat(id).isEqualTo(expected);
  }

  @Test
  void should_return_empty_when_nothing_alphanumeric_is_left() {
    assertThat(Names.toIdentifier("°")).isEmpty();
    assertThat(Names.toIdentifier("  --- ")).isEmpty();
    assertThat(Names.toIdentifier("")).isEmpty();
    assertThat(Names.toIdentifier(null)).isEmpty();
  }

  @Test
  void should_name_empty_headers_by_position_when_making_unique_identifiers() {
    // given
    List<String> headers = Arrays.asList("Fecha", "", null, "°");

    // when
    List<String> ids = Names.uniqueIdentifiers(headers);

    // then
    assertThat(ids).containsExactly("fecha", "columna_2", "columna_3", "columna_4");
  }

  @Test
  void should_suffix_later_duplicates_when_headers_repeat() {
    // given
    List<String> headers = List.of("Valor", "VALOR", "valor ", "Otro");

    // when
    List<String> ids = Names.uniqueIdentifiers(headers);

    // then
    assertThat(ids).containsExactly("valor", "valor_2", "valor_3", "otro");
  }

  @Test
  void should_skip_suffixes_of_names_present_later_when_making_unique_identifiers() {
    // given: the third header already is "a_2"
    List<String> headers = List.of("a", "a", "a_2");

    // when
    List<String> ids = Names.uniqueIdentifiers(headers);

    // then
    assertThat(ids).containsExactly("a", "a_3", "a_2");
  }

  @Test
  void should_keep_identifiers_distinct_when_placeholder_collides_with_a_real_header() {
    // given
    List<String> headers = List.of("columna 2", "");

    // when
    List<String> ids = Names.uniqueIdentifiers(headers);

    // then
    assertThat(ids).containsExactly("columna_2", "columna_2_2");
  }

  @Test
  void should_match_headers_when_accents_case_and_brackets_differ() {
    assertThat(Names.matchKey("Rotulo")).isEqualTo(Names.matchKey("Rótulo"));
    assertThat(Names.matchKey("POTENCIA INSTALADA [MW]")).isEqualTo(Names.matchKey("Potencia instalada (MW)"));
  }
}
