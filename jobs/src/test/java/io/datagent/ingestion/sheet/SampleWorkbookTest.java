package io.datagent.ingestion.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real ENARGAS workbook from {@code shared/samples/energia}: titles in rows 1-6, header in row 10 with a
 * {@code /1} superscript marker, monthly rows, an unlabelled accumulated row dated 2020-05, then notes.
 */
class SampleWorkbookTest {

  private static final String NAME = "Todos_010601a-Cuadro_I_5_1a.xlsx";
  private static final Path SAMPLE =
      Path.of(System.getProperty("datagent.shared", "/work/shared"), "samples", "energia", NAME);

  private static SheetTable table;

  @BeforeAll
  static void read() {
    table = WorkbookReader.read(SAMPLE, NAME).dataSheets().get(0);
  }

  @Test
  void should_find_one_sheet_with_header_in_row_10() {
    // when
    Workbook workbook = WorkbookReader.read(SAMPLE, NAME);

    // then
    assertThat(workbook.dataSheets()).hasSize(1);
    assertThat(workbook.dictionary()).isEmpty();
    assertThat(table.sheetName()).isEqualTo("Todos_010601a-Cuadro_I_5_1a");
    assertThat(table.headerRowNumber()).isEqualTo(10);
  }

  @Test
  void should_strip_the_footnote_marker_when_header_has_a_superscript_marker() {
    // then
    assertThat(table.headers()).hasSize(22);
    assertThat(table.headers().get(0)).isEqualTo("Mes");
    assertThat(table.headers().get(1)).isEqualTo("Buenos Aires");
    assertThat(table.headers()).contains("Capital Federal", "Córdoba", "Sgo.del Estero", "T.del Fuego", "Tucumán");
    assertThat(table.headers().get(21)).isEqualTo("Total");
    assertThat(table.headers()).noneMatch(h -> h.contains("/"));
  }

  @Test
  void should_attach_the_footnote_text_when_a_header_marker_points_to_a_note() {
    // then
    assertThat(table.columnNotes()).containsOnlyKeys(1);
    assertThat(table.columnNotes().get(1))
        .isEqualTo("Para una apertura por Distribuidora ver Anexo en este misma sección (I.06).");
    assertThat(table.notes()).anyMatch(n -> n.startsWith("FUENTE: ENARGAS"));
  }

  @Test
  void should_keep_title_and_unit_lines_when_they_are_above_the_header() {
    // then
    assertThat(table.titleLines()).containsExactly(
        "Datos Operativos de Gas Natural: Licenciatarias de Distribución",
        "Gas Entregado y Nro. Usuarios, por Tipo de Servicio y Provincia",
        "I.06.02.a - Gas Entregado: Servicio Residencial - En miles de m³ de 9300 kcal",
        "Año: Todos");
  }

  @Test
  void should_keep_only_the_monthly_rows_when_the_sheet_ends_with_an_accumulated_row() throws IOException {
    // given: month serials in column A of the sheet XML, read independently of POI
    List<Integer> monthRows = dateRowsInSheetXml();

    // then: every date row but the last (the accumulated row dated 2020-05) is data
    assertThat(monthRows).hasSize(329);
    assertThat(table.rows()).hasSize(328);
    assertThat(table.rows().get(0).number()).isEqualTo(11);
    assertThat(table.rows().get(0).cells().get(0)).isEqualTo("1993-01-01");
    assertThat(table.rows().get(0).cells().get(1)).isEqualTo("75516");
    assertThat(table.rows().get(0).cells().get(21)).isEqualTo("182026");
    assertThat(table.rows().get(327).number()).isEqualTo(monthRows.get(327).longValue());
    assertThat(table.rows().get(327).cells().get(0)).isEqualTo("2020-04-01");
    assertThat(table.rows()).allMatch(r -> r.cells().size() == 22);
    assertThat(table.rows()).noneMatch(r -> r.cells().get(0).equals("2020-05-01"));
  }

  /** Rows whose column A holds a number with the sheet's month style (s="14", format mm/yyyy). */
  private static List<Integer> dateRowsInSheetXml() throws IOException {
    try (ZipFile zip = new ZipFile(SAMPLE.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("<c r=\"A(\\d+)\" s=\"14\"><v>\\d+</v></c>").matcher(xml);
      List<Integer> rows = new ArrayList<>();
      while (m.find()) {
        rows.add(Integer.parseInt(m.group(1)));
      }
      return rows;
    }
  }
}
