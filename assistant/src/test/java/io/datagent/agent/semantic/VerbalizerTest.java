package io.datagent.agent.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.QueryResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerbalizerTest {

  static final ModelIndex POTENCIA = new ModelIndex(SampleModels.potencia());

  @Test
  void should_write_numbers_in_spanish_style_rounded_to_two_decimals() {
    assertThat(Verbalizer.number(new BigDecimal("1234.567"))).isEqualTo("1.234,57");
    assertThat(Verbalizer.number(new BigDecimal("25.000"))).isEqualTo("25");
    assertThat(Verbalizer.number(0.123456)).isEqualTo("0,1235");
    assertThat(Verbalizer.number(228L)).isEqualTo("228");
  }

  @Test
  void should_state_the_computed_total_with_its_unit_and_the_filter() {
    Plan p = QuestionCompiler.compile("¿Cuánta potencia instalada hay en la región CUYO?", POTENCIA).plan();

    String s = Verbalizer.sentence(p, new QueryResult(List.of("valor"), List.of("DECIMAL"), List.of(List.of(new BigDecimal("1500.250"))), false));

    assertThat(s).isEqualTo("El total de potencia instalada con region = CUYO es 1.500,25 MW.");
    assertThat(Describe.understood(p)).startsWith("Entendí: el total de potencia instalada (MW) de la tabla serving.potenciainstalada")
        .contains("filtro: con region = CUYO");
  }

  @Test
  void should_say_there_is_no_data_and_state_no_number_when_result_is_empty_or_null() {
    Plan p = QuestionCompiler.compile("¿Cuánta potencia instalada hay en la región CUYO?", POTENCIA).plan();

    String empty = Verbalizer.sentence(p, new QueryResult(List.of("valor"), List.of("DECIMAL"), List.of(), false));
    String nulls = Verbalizer.sentence(p, new QueryResult(List.of("valor"), List.of("DECIMAL"), List.of(Arrays.asList((Object) null)), false));

    assertThat(empty).startsWith("No hay datos").doesNotContainPattern("\\d");
    assertThat(nulls).isEqualTo(empty);
  }

  @Test
  void should_name_the_top_group_when_ranking_asks_for_one() {
    Plan p = QuestionCompiler.compile("¿Qué tecnología tiene más potencia instalada?", POTENCIA).plan();

    String s = Verbalizer.sentence(p, new QueryResult(List.of("tecnologia", "valor"), List.of("STRING", "DECIMAL"),
        List.of(List.of("Ciclos Combinados", new BigDecimal("9000.5"))), false));

    assertThat(s).isEqualTo("Tecnologia con mayor potencia instalada (total): Ciclos Combinados (9.000,5 MW).");
  }
}
