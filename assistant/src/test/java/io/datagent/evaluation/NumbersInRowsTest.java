package io.datagent.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import io.datagent.agent.SourceRef;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumbersInRowsTest {

  private static final QueryResult ROWS = new QueryResult(List.of("region", "potencia_mw", "cuota"),
      List.of("STRING", "DECIMAL(10,2)", "DOUBLE"),
      List.of(List.of("Norte", new BigDecimal("12345.67"), 0.4172), List.of("Sur", new BigDecimal("800.00"), 0.5828)), false);

  @Test
  void should_find_every_number_when_the_answer_rounds_cells_shares_and_the_row_count() {
    NumbersInRows check = NumbersInRows.of("¿Potencia por región en 2023?", answer(
        "En 2023 hay 2 regiones: Norte suma 12.345,7 MW (41,7 %) y Sur 800 MW.", List.of()));

    assertThat(check.stated()).isEqualTo(4); // 2023 is the question's, not a stated number
    assertThat(check.allFound()).isTrue();
  }

  @Test
  void should_name_the_missing_number_when_neither_rows_nor_cited_sources_hold_it() {
    NumbersInRows check = NumbersInRows.of("¿Potencia del Norte?", answer("Norte suma 12.345,7 MW, unos 15 parques; "
        + "el récord fue 950 MW.", List.of(new SourceRef("potencia", "p.csv", 7L, "row", "Sur; 950; MW"))));

    assertThat(check.stated()).isEqualTo(3);
    assertThat(check.missing()).containsExactly("15"); // 950 is in a cited row
    assertThat(NumbersInRows.of("¿Hay datos?", answer("Sí, hay datos de potencia.", List.of())).applies()).isFalse();
  }

  private static AgentAnswer answer(String text, List<SourceRef> sources) {
    return new AgentAnswer(text, AgentAnswer.LLM, List.of("SELECT region, potencia_mw, cuota FROM serving.potencia"),
        sources, ROWS, null, List.of(), 1, 0, 0, null);
  }
}
