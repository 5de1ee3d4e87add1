package io.datagent.ingestion.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatFieldsTest {

  @Test
  void should_give_back_every_field_in_order_with_nulls_empties_and_non_ascii_text() {
    Map<String, String> in = new LinkedHashMap<>();
    in.put("Rótulo", "CEPSA ÁREA «Añón» 🚗");
    in.put("Precio Gasoleo A", "1,539");
    in.put("vacío", "");
    in.put("nulo", null);
    in.put("", "clave vacía");
    in.put("content", "x".repeat(70_000)); // longer than DataOutput's 64 KB string limit

    Map<String, String> out = FlatFields.of(in).toMap();

    assertEquals(in, out);
    assertEquals(new ArrayList<>(in.keySet()), new ArrayList<>(out.keySet()));
  }

  @Test
  void should_give_an_empty_map_when_the_record_has_no_fields() {
    assertEquals(Map.of(), FlatFields.of(Map.of()).toMap());
  }
}
