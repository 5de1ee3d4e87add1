package io.datagent.app.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgTextTest {

  @Test
  void should_replace_a_raw_nul_with_the_replacement_character() {
    assertThat(PgText.text("a\0b")).isEqualTo("a\uFFFDb");
    assertThat(PgText.text(null)).isNull();
    assertThat(PgText.text("sin nada")).isEqualTo("sin nada");
  }

  @Test
  void should_replace_escaped_nul_in_json_but_keep_an_escaped_backslash_followed_by_u0000_text() {
    assertThat(PgText.json("{\"a\":\"x\\u0000y\"}")).isEqualTo("{\"a\":\"x\\ufffdy\"}");
    // the characters \u0000 written literally in a cell: Jackson writes "\\u0000", which is not a NUL
    assertThat(PgText.json("{\"a\":\"\\\\u0000\"}")).isEqualTo("{\"a\":\"\\\\u0000\"}");
    assertThat(PgText.json("{\"a\":\"\\\\\\u0000\"}")).isEqualTo("{\"a\":\"\\\\\\ufffd\"}");
  }
}
