package io.datagent.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordKeyTest {

  @Test
  void should_join_the_parts_and_have_no_key_when_a_part_is_missing_or_blank() {
    RecordKey key = new RecordKey(List.of("datetime_utc", "geo_id"));
    assertThat(key.of(Map.of("datetime_utc", "2024-03-08T23:00:00Z", "geo_id", "8741", "value", "44.98")))
        .isEqualTo("2024-03-08T23:00:00Z | 8741");
    Map<String, String> nullPart = new HashMap<>(Map.of("datetime_utc", "2024-03-08T23:00:00Z"));
    nullPart.put("geo_id", null);
    assertThat(key.of(nullPart)).isNull();
    assertThat(key.of(Map.of("datetime_utc", " ", "geo_id", "8741"))).isNull();
    assertThat(key.missingReason(nullPart)).isEqualTo("el registro no tiene el campo id 'geo_id' (clave [datetime_utc, geo_id])");
    assertThat(RecordKey.single("IDEESS").of(Map.of("IDEESS", "4375"))).isEqualTo("4375");
    assertThat(RecordKey.single("IDEESS").missingReason(Map.of())).isEqualTo("el registro no tiene el campo id 'IDEESS'");
  }
}
