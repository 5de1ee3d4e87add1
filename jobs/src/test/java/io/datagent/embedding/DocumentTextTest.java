package io.datagent.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTextTest {

  @Test
  void should_label_columns_from_their_descriptions() {
    assertThat(ColumnLabel.of("potencia_instalada_mw", "POTENCIA INSTALADA [MW]")).isEqualTo("Potencia instalada [MW]");
    assertThat(ColumnLabel.of("buenos_aires", "Buenos Aires. Nota: Para una apertura por Distribuidora ver Anexo (I.06)."))
        .isEqualTo("Buenos Aires");
    assertThat(ColumnLabel.of("mes_ano", "Mes/Año")).isEqualTo("Mes/Año");
    assertThat(ColumnLabel.of("codigo_postal", null)).isEqualTo("Codigo postal");
  }

  @Test
  void should_title_tables_from_their_comment_or_file_name() {
    assertThat(TableTitle.of("potenciainstalada", "Datos cargados desde PotenciaInstalada.csv", List.of("PotenciaInstalada.csv")))
        .isEqualTo("Potencia Instalada");
    assertThat(TableTitle.of("gas", "Datos Operativos de Gas Natural", List.of("x.xlsx"))).isEqualTo("Datos Operativos de Gas Natural");
    assertThat(TableTitle.of("cammesa_res", null, List.of())).isEqualTo("Cammesa res");
  }

  @Test
  void should_render_a_compact_table_card_with_types_descriptions_and_examples() {
    // given
    TableInfo info = new TableInfo("potenciainstalada", "Datos cargados desde PotenciaInstalada.csv", 282,
        List.of("PotenciaInstalada.csv"), List.of(
            new TableInfo.Column("central", "string", "CENTRAL", "Ejemplos: ABRO, ACAJ"),
            new TableInfo.Column("potencia_instalada_mw", "decimal(38,3)", "POTENCIA INSTALADA [MW]", "De 0.1 a 2745")));

    // when
    String card = TableCardRenderer.render(info);

    // then
    assertThat(card).isEqualTo("Tabla potenciainstalada: Datos cargados desde PotenciaInstalada.csv. 282 filas; archivo "
        + "PotenciaInstalada.csv.\nColumnas:\n- central (texto). Ejemplos: ABRO, ACAJ\n"
        + "- potencia_instalada_mw (número decimal): POTENCIA INSTALADA [MW]. De 0.1 a 2745");
  }

  @Test
  void should_say_when_a_table_is_empty() {
    assertThat(TableCardRenderer.render(new TableInfo("vacia", null, 0, List.of(), List.of())))
        .startsWith("Tabla vacia. Tabla vacía (0 filas)");
  }

  @Test
  void should_split_markdown_into_passages_with_their_heading_path_and_line() {
    // given
    String md = "# Glosario\n\nIntro.\n\n## Demanda\n\n**GUMAs**: grandes usuarios\nmayores.\n\n## Potencia\n\nMW: megavatios.\n";

    // when
    var passages = new PassageSplitter(800).split("glosario.md", md);

    // then
    assertThat(passages).extracting(PassageSplitter.Passage::line).containsExactly(3, 7, 12);
    assertThat(passages.get(1).text()).isEqualTo("glosario.md — Glosario > Demanda: **GUMAs**: grandes usuarios mayores.");
    assertThat(passages.get(2).text()).isEqualTo("glosario.md — Glosario > Potencia: MW: megavatios.");
  }

  @Test
  void should_clean_control_characters_and_lone_surrogates() {
    assertThat(Texts.clean("a\u0000b\tc\n\n d \uD800 e 😀")).isEqualTo("a b c d e 😀");
    assertThat(Texts.split("uno dos tres cuatro", 9)).containsExactly("uno dos", "tres", "cuatro");
  }
}
