package io.datagent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvReaderTest {

  private final EnvReader env = new EnvReader(Map.of("PORT", " 8080 ", "BAD_PORT", "80a", "BIG", "70000", "BLANK", "  ",
      "ON", "TRUE", "MAYBE", "yes"), "resources/app.yml");

  @Test
  void should_parse_a_number_in_range_when_the_variable_is_set() {
    assertThat(env.number("PORT", 1, 0, 65_535)).isEqualTo(8080);
  }

  @Test
  void should_use_the_fallback_when_the_variable_is_unset_or_blank() {
    assertThat(env.number("MISSING", 50, 1, 100)).isEqualTo(50);
    assertThat(env.text("BLANK", "x")).isEqualTo("x");
    assertThat(env.flag("MISSING", true)).isTrue();
  }

  @Test
  void should_name_the_key_and_value_when_a_number_is_not_a_number() {
    assertThatThrownBy(() -> env.number("BAD_PORT", 1, 0, 65_535))
        .hasMessageContaining("BAD_PORT").hasMessageContaining("80a").hasMessageContaining("resources/app.yml");
  }

  @Test
  void should_name_the_key_and_range_when_a_number_is_out_of_range() {
    assertThatThrownBy(() -> env.number("BIG", 1, 0, 65_535)).hasMessageContaining("BIG").hasMessageContaining("65535");
  }

  @Test
  void should_name_the_key_when_a_required_variable_is_blank() {
    assertThatThrownBy(() -> env.require("BLANK")).hasMessageStartingWith("BLANK no está definida");
  }

  @Test
  void should_refuse_a_flag_that_is_not_true_or_false_naming_the_key() {
    assertThat(env.flag("ON", false)).isTrue();
    assertThatThrownBy(() -> env.flag("MAYBE", false)).hasMessageContaining("MAYBE").hasMessageContaining("yes");
  }
}
