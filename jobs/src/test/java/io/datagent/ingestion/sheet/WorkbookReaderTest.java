package io.datagent.ingestion.sheet;

import static io.datagent.ingestion.sheet.TestWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookReaderTest {

  @TempDir
  Path dir;

  @Test
  void should_return_the_dictionary_apart_when_a_sheet_is_named_diccionario() {
    // given
    Path file = TestWorkbooks.xlsx(dir, "ventas.xlsx", wb -> {
      Sheet data = wb.createSheet("Ventas");
      row(data, 1, "Fecha", "Importe");
      row(data, 2, "2024-01-01", 10);
      Sheet dictionary = wb.createSheet("Diccionario de Datos");
      row(dictionary, 1, "Campo", "Descripción del campo");
      row(dictionary, 2, "Fecha", "Día de la venta");
      row(dictionary, 3, "Importe", "Importe en pesos sin IVA");
    });

    // when
    Workbook workbook = WorkbookReader.read(file, "ventas.xlsx");

    // then
    assertThat(workbook.dataSheets()).extracting(SheetTable::sheetName).containsExactly("Ventas");
    assertThat(workbook.dictionary())
        .containsEntry("Fecha", "Día de la venta")
        .containsEntry("Importe", "Importe en pesos sin IVA")
        .hasSize(2);
  }

  @Test
  void should_return_one_table_per_sheet_when_two_sheets_have_data_and_one_is_empty() {
    // given
    Path file = TestWorkbooks.xlsx(dir, "dos.xlsx", wb -> {
      row(wb.createSheet("Norte"), 1, "Planta", "MW");
      row(wb.getSheet("Norte"), 2, "Alpha", 12.5);
      wb.createSheet("Vacía");
      row(wb.createSheet("Sur"), 3, "Planta", "MW");
      row(wb.getSheet("Sur"), 4, "Beta", 7);
    });

    // when
    List<SheetTable> tables = WorkbookReader.read(file, "dos.xlsx").dataSheets();

    // then
    assertThat(tables).extracting(SheetTable::sheetName).containsExactly("Norte", "Sur");
    assertThat(tables.get(0).rows()).containsExactly(new SourceRow(2, List.of("Alpha", "12.5")));
    assertThat(tables.get(1).headerRowNumber()).isEqualTo(3);
    assertThat(tables.get(1).rows()).containsExactly(new SourceRow(4, List.of("Beta", "7")));
  }

  @Test
  void should_drop_totals_and_keep_notes_when_the_data_block_is_framed_by_titles_and_notes() {
    // given
    Path file = TestWorkbooks.xlsx(dir, "informe.xlsx", wb -> {
      Sheet sheet = wb.createSheet("Informe");
      row(sheet, 1, "Ventas de energía por región");
      row(sheet, 2, "En MWh");
      row(sheet, 4, "Región", "Ventas (1)", "Precio*");
      row(sheet, 5, "Norte", 100, 1.5);
      row(sheet, 7, "Sur", 50, 2.25);
      row(sheet, 8, "Total general", 150, null);
      row(sheet, 10, "(1) Incluye ventas a distribuidoras.");
      row(sheet, 11, "* Precio medio ponderado.");
      row(sheet, 12, "Fuente: elaboración propia.");
    });

    // when
    SheetTable table = WorkbookReader.read(file, "informe.xlsx").dataSheets().get(0);

    // then
    assertThat(table.titleLines()).containsExactly("Ventas de energía por región", "En MWh");
    assertThat(table.headerRowNumber()).isEqualTo(4);
    assertThat(table.headers()).containsExactly("Región", "Ventas", "Precio");
    assertThat(table.rows()).containsExactly(
        new SourceRow(5, List.of("Norte", "100", "1.5")), new SourceRow(7, List.of("Sur", "50", "2.25")));
    assertThat(table.columnNotes())
        .containsEntry(1, "Incluye ventas a distribuidoras.")
        .containsEntry(2, "Precio medio ponderado.")
        .hasSize(2);
    assertThat(table.notes()).containsExactly(
        "(1) Incluye ventas a distribuidoras.", "* Precio medio ponderado.", "Fuente: elaboración propia.");
  }

  @Test
  void should_render_every_cell_type_as_text_when_reading_an_xls_file() {
    // given
    Path file = TestWorkbooks.xls(dir, "tipos.xls", wb -> {
      Sheet sheet = wb.createSheet("Datos");
      row(sheet, 1, "texto", "entero", "decimal", "pequeño", "fecha", "fecha_hora", "bool", "formula", "error", "vacio");
      row(sheet, 2, "Año 2024 ", 1234.0, 0.1, 0.0000001, LocalDate.of(2024, 2, 29),
          LocalDateTime.of(2024, 3, 1, 13, 45), true, new TestWorkbooks.Formula("B2*2"),
          new TestWorkbooks.Formula("1/0"), null);
      row(sheet, 3, "x", -5, 12345678901234.5, 1e20, null, null, false, new TestWorkbooks.Formula("\"a\"&\"b\""));
    });

    // when
    SheetTable table = WorkbookReader.read(file, "tipos.xls").dataSheets().get(0);

    // then
    assertThat(table.rows().get(0).cells()).containsExactly(
        "Año 2024 ", "1234", "0.1", "0.0000001", "2024-02-29", "2024-03-01 13:45:00", "true", "2468", "#DIV/0!", "");
    assertThat(table.rows().get(1).cells()).containsExactly(
        "x", "-5", "12345678901234.5", "100000000000000000000", "", "", "false", "ab", "", "");
  }

  @Test
  void should_read_by_content_when_an_xlsx_file_is_named_xls() {
    // given
    Path file = TestWorkbooks.xlsx(dir, "mal_nombre.xls", wb -> {
      row(wb.createSheet("Hoja1"), 1, "a", "b");
      row(wb.getSheet("Hoja1"), 2, 1, 2);
    });

    // when
    Workbook workbook = WorkbookReader.read(file, "mal_nombre.xls");

    // then
    assertThat(workbook.dataSheets().get(0).headers()).containsExactly("a", "b");
  }

  @Test
  void should_keep_rows_after_a_gap_when_data_continues_below_a_blank_row() {
    // given
    Path file = TestWorkbooks.xlsx(dir, "hueco.xlsx", wb -> {
      Sheet sheet = wb.createSheet("Hoja1");
      row(sheet, 1, "Planta", "MW");
      row(sheet, 2, "A", 1);
      row(sheet, 3, "Total", 1);
      row(sheet, 5, "B", 2);
    });

    // when
    SheetTable table = WorkbookReader.read(file, "hueco.xlsx").dataSheets().get(0);

    // then
    assertThat(table.rows()).extracting(SourceRow::number).containsExactly(2L, 3L, 5L);
    assertThat(table.notes()).isEmpty();
  }
}
