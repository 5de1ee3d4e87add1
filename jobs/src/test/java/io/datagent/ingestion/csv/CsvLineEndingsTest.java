package io.datagent.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.ingestion.ParsedRow;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that mix CRLF, LF and CR line breaks (exports of different systems pasted together) lose no row. */
class CsvLineEndingsTest {

  @TempDir
  Path dir;

  static final String MIXED = "municipio;provincia;potencia_mw\r\nPeñarroya;Córdoba;12,5\nÁvila;Ávila;3,25\r\n"
      + "Huelva;Huelva;7\rLeón;León;1\n";

  @Test
  void should_read_every_row_with_its_line_when_crlf_lf_and_cr_are_mixed() throws IOException {
    Path file = Files.write(dir.resolve("mixto.csv"), MIXED.getBytes(StandardCharsets.UTF_8));
    CsvLayout layout = CsvSniffer.sniff(file, "mixto.csv");

    List<String> rows = read(new CsvUnit(0, file.toString(), layout, new int[] {0, 1, 2}, 3));

    assertThat(layout.headers()).containsExactly("municipio", "provincia", "potencia_mw");
    assertThat(rows).containsExactly("2|[Peñarroya, Córdoba, 12,5]", "3|[Ávila, Ávila, 3,25]", "4|[Huelva, Huelva, 7]",
        "5|[León, León, 1]");
    // a lone CR is a line break the byte splitter would not count: such a file is read whole
    assertThat(CsvShardReader.split(file, layout, 2)).isNull();
  }

  @Test
  void should_keep_a_line_break_inside_a_quoted_value_as_one_newline() throws IOException {
    Path file = Files.write(dir.resolve("nota.csv"),
        "municipio;nota\r\nPeñarroya;\"dos\r\nlíneas\"\r\nÁvila;una\r\n".getBytes(StandardCharsets.UTF_8));
    CsvLayout layout = CsvSniffer.sniff(file, "nota.csv");

    assertThat(read(new CsvUnit(0, file.toString(), layout, new int[] {0, 1}, 2)))
        .containsExactly("2|[Peñarroya, dos\nlíneas]", "4|[Ávila, una]");
  }

  @Test
  void should_turn_crlf_cut_between_two_reads_into_one_line_break() throws IOException {
    // a reader handing out one character at a time puts every CR and its LF in different reads
    Reader oneByOne = new Reader() {
      final StringReader in = new StringReader("a\r\nb\rc\n\r\nd");

      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        return in.read(cbuf, off, Math.min(1, len));
      }

      @Override
      public void close() {}
    };
    char[] buf = new char[64];
    StringBuilder out = new StringBuilder();
    try (Reader r = CsvSettings.input(oneByOne)) {
      for (int n; (n = r.read(buf, 0, buf.length)) > 0; ) {
        out.append(buf, 0, n);
      }
    }
    assertThat(out.toString()).isEqualTo("a\nb\nc\n\nd");
  }

  private static List<String> read(CsvUnit unit) {
    List<ParsedRow> rows = new ArrayList<>();
    CsvShardReader.read(unit, 0, 1, rows::add);
    return rows.stream().map(r -> r.row() + "|" + Arrays.toString(r.cells())).toList();
  }
}
