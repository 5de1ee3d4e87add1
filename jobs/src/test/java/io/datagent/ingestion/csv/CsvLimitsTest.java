package io.datagent.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.ingestion.SourceFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file over the parser's limits is refused with the limit said in Spanish, not a Java exception. */
class CsvLimitsTest {

  @TempDir
  Path dir;

  @Test
  void should_say_the_column_limit_when_the_header_has_ten_thousand_columns() throws IOException {
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      header.append(i == 0 ? "" : ";").append("c").append(i);
    }
    Path file = Files.write(dir.resolve("ancho.csv"), (header + "\n1;2\n").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> CsvSniffer.sniff(file, "ancho.csv")).isInstanceOf(SourceFormatException.class)
        .hasMessageContaining("más de " + CsvSettings.MAX_COLUMNS + " columnas")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception"));
  }
}
