package io.datagent.agent.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Fixtures;
import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.SemanticCards;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The prompt's cards from the semantic model: content, the budget (examples go first), the bare fallback. */
class SemanticPromptTest {

  static final int PROVINCES = 24;

  /** A table of fuel prices with many text dimensions, each with a value index. */
  static TableDescription prices() {
    List<ColumnInfo> cols = new ArrayList<>(List.of(new ColumnInfo("fecha", "DATE", "FECHA", List.of()),
        new ColumnInfo("precio", "DECIMAL(10,2)", "PRECIO [$/litro]", List.of())));
    for (int i = 0; i < 12; i++) {
      cols.add(new ColumnInfo("atributo_" + i, "STRING", "ATRIBUTO " + i, List.of()));
    }
    return new TableDescription(new TableInfo("serving", "precios", "Precios de combustibles en surtidor"), cols);
  }

  static SemanticModel model() {
    List<Dimension> dims = new ArrayList<>(List.of(new Dimension("fecha", "fecha", Dimension.Kind.DATE, "Fecha", null,
        List.of(), List.of(), Map.of())));
    for (int i = 0; i < 12; i++) {
      List<String> values = new ArrayList<>();
      for (int v = 0; v < PROVINCES; v++) {
        values.add("Valor largo número " + v + " del atributo " + i);
      }
      dims.add(new Dimension("atributo_" + i, "atributo_" + i, Dimension.Kind.TEXT, "Atributo " + i, null,
          List.of("característica " + i), values, Map.of()));
    }
    return new SemanticModel("serving.precios", "Precios de combustibles en surtidor", "precios", dims,
        List.of(new Measure("precio", "precio", Aggregation.AVG, "$/litro", "Precio", null, List.of("valor por litro")),
            new Measure("precios", null, Aggregation.COUNT, null, "Precios", null, List.of())));
  }

  static Prompt build(TableCatalog catalog, int budget, CardSource cards) {
    return new PromptBuilder(SystemPrompt.bundled(), catalog, budget, cards, "").build(List.of("serving.precios"));
  }

  @Test
  void should_render_measures_with_unit_and_aggregation_dimensions_with_grains_and_values_when_model_is_built() {
    String card = SemanticCards.cards(prices(), model()).get(0);

    assertThat(card).contains("Filas: precios (COUNT(*) = cantidad de precios)")
        .contains("- precio DECIMAL(10,2): «Precio», unidad $/litro, agregación promedio (AVG); sinónimos: valor por litro")
        .contains("- fecha DATE: «Fecha», fecha (granos: día, mes, año)")
        .contains("- atributo_3 STRING: «Atributo 3»; sinónimos: característica 3; valores (24): Valor largo número 0 del atri… |");
  }

  @Test
  void should_drop_value_examples_before_the_table_when_the_semantic_card_is_over_budget() {
    TableCatalog catalog = Fixtures.catalog(prices());
    List<String> cards = SemanticCards.cards(prices(), model());
    int full = build(catalog, 100_000, d -> List.of(cards.get(0))).tokens();
    int lean = build(catalog, 100_000, d -> List.of(cards.get(1))).tokens();
    assertThat(full - lean).isGreaterThan(100);
    int budget = (full + lean) / 2 * 100 / 85;

    Prompt p = build(catalog, budget, CardSource.semantic(t -> Optional.of(model())));

    assertThat(p.tables()).containsExactly("serving.precios");
    assertThat(p.text()).contains("Medidas:").contains("«Atributo 3»; sinónimos: característica 3\n").doesNotContain("valores (24)");
    assertThat(p.tokens()).isLessThanOrEqualTo(budget);
  }

  @Test
  void should_keep_the_bare_column_card_when_the_model_cannot_be_built() {
    TableCatalog catalog = Fixtures.catalog(Fixtures.POTENCIA);
    CardSource failing = CardSource.semantic(t -> {
      throw new IllegalStateException("profiling failed");
    });

    Prompt p = new PromptBuilder(SystemPrompt.bundled(), catalog, 4000, failing, "")
        .build(List.of("serving.potenciainstalada"));
    Prompt none = new PromptBuilder(SystemPrompt.bundled(), catalog, 4000, CardSource.semantic(t -> Optional.empty()), "")
        .build(List.of("serving.potenciainstalada"));

    assertThat(List.of(p.text(), none.text())).allSatisfy(text -> assertThat(text)
        .contains("- potencia_instalada_mw DECIMAL(38,3): POTENCIA INSTALADA [MW] (ej.: 25.000)").doesNotContain("Medidas:"));
  }
}
