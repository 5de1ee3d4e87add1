package io.datagent.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import org.junit.jupiter.api.Test;

class RowRendererTest {

  final RowRenderer renderer = new RowRenderer("Potencia Instalada (tabla potenciainstalada)",
      new String[] {"Central", "Agente descripcion", "Periodo", "Potencia instalada [MW]", "Hábil"}, 200);

  @Test
  void should_render_labels_and_values_in_spanish_when_the_row_is_short() {
    // when
    RowRenderer.Rendered r = renderer.render(new Object[] {"ABRO", "C.T. ALMIRANTE BROWN  ", Date.valueOf("2016-05-01"),
        new BigDecimal("25.000"), true});

    // then
    assertThat(r.chunks()).containsExactly("Potencia Instalada (tabla potenciainstalada). Central: ABRO; Agente descripcion: "
        + "C.T. ALMIRANTE BROWN; Periodo: 2016-05-01 (1 de mayo de 2016); Potencia instalada [MW]: 25; Hábil: sí");
    assertThat(r.truncated()).isFalse();
  }

  @Test
  void should_skip_empty_cells_and_render_nothing_when_all_are_empty() {
    assertThat(renderer.render(new Object[] {null, "  ", null, null, null}).chunks()).isEmpty();
    assertThat(renderer.render(new Object[] {"ABRO", null, null, null, null}).chunks())
        .containsExactly("Potencia Instalada (tabla potenciainstalada). Central: ABRO");
  }

  @Test
  void should_split_a_huge_cell_into_numbered_chunks_under_the_limit() {
    // given: a 100 KB cell
    String huge = "palabra ".repeat(12_500);

    // when
    RowRenderer.Rendered r = renderer.render(new Object[] {"ABRO", huge, null, null, null});

    // then
    assertThat(r.chunks()).hasSize(RowRenderer.MAX_CHUNKS);
    assertThat(r.truncated()).isTrue();
    assertThat(r.chunks().get(0)).startsWith("Potencia Instalada (tabla potenciainstalada) (parte 1 de 20). Central: ABRO");
    assertThat(r.chunks()).allSatisfy(c -> assertThat(c.length()).isLessThan(200 + 80));
  }

  @Test
  void should_keep_emoji_and_other_scripts_and_never_split_a_surrogate_pair() {
    // given
    String mixed = "⚡🔥 central 電力 Ελλάδα " + "😀".repeat(300);

    // when
    RowRenderer.Rendered r = renderer.render(new Object[] {mixed, null, null, null, null});

    // then
    assertThat(r.chunks()).hasSizeGreaterThan(1);
    assertThat(String.join("", r.chunks())).contains("⚡🔥", "電力", "Ελλάδα");
    for (String c : r.chunks()) {
      for (int i = 0; i < c.length(); i++) {
        if (Character.isHighSurrogate(c.charAt(i))) {
          assertThat(i + 1 < c.length() && Character.isLowSurrogate(c.charAt(i + 1))).isTrue();
        } else {
          assertThat(Character.isLowSurrogate(c.charAt(i)) && (i == 0 || !Character.isHighSurrogate(c.charAt(i - 1)))).isFalse();
        }
      }
    }
  }
}
