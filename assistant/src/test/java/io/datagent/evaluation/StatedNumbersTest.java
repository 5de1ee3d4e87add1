package io.datagent.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatedNumbersTest {

  private static List<Double> values(String text) {
    return StatedNumbers.in(text).stream().flatMap(s -> Arrays.stream(s.values()).boxed()).toList();
  }

  @Test
  void should_read_spanish_and_english_formats_when_numbers_are_grouped() {
    assertEquals(List.of(12345.6), values("fueron 12.345,6 MWh"));
    assertEquals(List.of(12345.6), values("were 12,345.6 MWh"));
    assertTrue(values("unos 1.234 días").containsAll(List.of(1.234, 1234.0)));
    assertEquals(List.of(2_500_000.0), values("2,5 millones de m3"));
  }

  @Test
  void should_ignore_dates_durations_years_and_digits_inside_names_when_reading_a_text() {
    assertEquals(List.of(), values("el 15/7/2023, el 2023-07-15 y el 15 de julio de 2023, en julio de 2023"));
    assertEquals(List.of(), values("la consulta superó 30 s; tabla todos_010601a_cuadro_i_5_1a en m3; ¿se refiere a 2023?"));
  }
}
