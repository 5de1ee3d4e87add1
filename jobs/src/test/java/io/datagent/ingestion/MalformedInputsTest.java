package io.datagent.ingestion;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Malformed and awkward inputs, each made here, each with its exact outcome asserted and a check that nothing else
 * changed (every other table keeps its Delta version and row count; the log gains exactly the expected lines).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputsTest {

  static final Charset CP1252 = Charset.forName("windows-1252");
  IngestFixture fx;

  @BeforeAll
  void baseline() {
    fx = new IngestFixture("malformed");
    fx.write("base/semana_01.csv", "Fecha;Central;Potencia [MW]\n1/1/2022;ABRO;25,5\n2/1/2022;ACAJ;184,4\n", UTF_8);
    assertThat(fx.ingest("base/semana_01.csv").anyFailed()).isFalse();
  }

  /** Ingests {@code file}, asserts it failed with {@code expected} in the message and changed no table. */
  private FileOutcome assertFailsAlone(String file, String... expected) {
    Map<String, String> before = fx.snapshot();
    long logBefore = fx.logRows();
    IngestReport report = fx.ingest(file);
    FileOutcome o = fx.only(report);
    assertThat(o.status()).isEqualTo(FileStatus.FAILED);
    assertThat(report.anyFailed()).isTrue();
    for (String e : expected) {
      assertThat(o.message()).contains(e);
    }
    assertThat(o.message()).startsWith(file.contains("/") ? file.substring(0, file.indexOf('/')) : file);
    assertThat(fx.snapshot()).as("no table changed").isEqualTo(before);
    assertThat(fx.logRows()).isEqualTo(logBefore + 1);
    return o;
  }

  @Test
  void should_fail_an_empty_file_with_a_clear_message() {
    fx.write("vacio.csv", new byte[0]);
    assertFailsAlone("vacio.csv", "vacío");
  }

  @Test
  void should_fail_a_file_with_only_a_header() {
    fx.write("cabecera.csv", "Fecha;Central;Potencia\n", UTF_8);
    assertFailsAlone("cabecera.csv", "solo tiene la cabecera");
  }

  @Test
  void should_fail_binary_junk_named_csv() {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    fx.write("basura.csv", junk);
    assertFailsAlone("basura.csv", "binarios");
  }

  @Test
  void should_fail_a_workbook_renamed_to_csv_and_say_what_it_is() throws Exception {
    fx.write("libro.csv", workbook("Fecha", "Valor"));
    assertFailsAlone("libro.csv", "libro Excel");
  }

  @Test
  void should_fail_a_truncated_workbook() throws Exception {
    byte[] wb = workbook("Fecha", "Valor");
    fx.write("cortado.xlsx", Arrays.copyOf(wb, wb.length / 2));
    assertFailsAlone("cortado.xlsx");
  }

  @Test
  void should_fail_an_empty_xlsx_file() {
    fx.write("cero.xlsx", new byte[0]);
    assertFailsAlone("cero.xlsx", "vacío");
  }

  @Test
  void should_fail_text_named_xlsx() {
    fx.write("texto.xlsx", "Fecha;Valor\n1/1/2022;3\n", UTF_8);
    assertFailsAlone("texto.xlsx", "Excel");
  }

  @Test
  void should_fail_a_workbook_without_data() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("Hoja1");
      wb.write(out);
    }
    fx.write("sin_datos.xlsx", out.toByteArray());
    assertFailsAlone("sin_datos.xlsx", "ninguna hoja con datos");
  }

  @Test
  void should_fail_a_file_whose_rows_do_not_match_the_header_and_name_the_first_bad_row() {
    StringBuilder sb = new StringBuilder("a;b;c\n");
    for (int i = 0; i < 50; i++) {
      sb.append(i).append(";x;y").append(i % 5 == 4 ? ";extra;mas" : "").append('\n');
    }
    fx.write("desparejo.csv", sb.toString(), UTF_8);
    FileOutcome o = assertFailsAlone("desparejo.csv", "10 de 50 filas", "fila 6", "5 columnas", "se esperaban 3");
    assertThat(o.rowsRead()).isEqualTo(50);
  }

  @Test
  void should_fail_a_file_that_mixes_encodings_after_its_first_block() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("Nombre;Valor\n".getBytes(UTF_8));
    int line = 1;
    while (out.size() < 70_000) {
      out.writeBytes(("Año " + line + ";" + line + "\n").getBytes(UTF_8));
      line++;
    }
    out.writeBytes("Señal;1\n".getBytes(ISO_8859_1));
    fx.write("mezcla.csv", out.toByteArray());
    assertFailsAlone("mezcla.csv", "codificaciones", "fila " + (line + 1));
  }

  @Test
  void should_fail_a_missing_source_file_list_entry_clearly() {
    Map<String, String> before = fx.snapshot();
    try {
      fx.ingest("no_existe.csv");
      throw new AssertionError("expected a failure");
    } catch (SourceFormatException e) {
      assertThat(e.getMessage()).contains("no_existe.csv").contains("no se encontraron");
    }
    assertThat(fx.snapshot()).isEqualTo(before);
  }

  @Test
  void should_quarantine_one_ragged_row_within_tolerance_and_load_the_rest() {
    StringBuilder sb = new StringBuilder("a;b;c\n");
    for (int i = 0; i < 200; i++) {
      sb.append(i).append(i == 41 ? ";x\n" : ";x;y\n");
    }
    fx.write("tolerado.csv", sb.toString(), UTF_8);
    FileOutcome o = fx.only(fx.ingest("tolerado.csv"));
    assertThat(o.status()).isEqualTo(FileStatus.PARTIAL);
    assertThat(o.rowsRead()).isEqualTo(200);
    assertThat(o.rowsLoaded()).isEqualTo(199);
    assertThat(o.rowsQuarantined()).isEqualTo(1);
    List<Row> q = fx.sql("SELECT source_row, value, reason FROM {raw}._quarantine WHERE table = 'tolerado'");
    assertThat(q).hasSize(1);
    assertThat(q.get(0).getLong(0)).isEqualTo(43L);
    assertThat(q.get(0).getString(1)).isEqualTo("41;x");
    assertThat(q.get(0).getString(2)).contains("2 columnas").contains("se esperaban 3");
    assertThat(fx.sql("SELECT count(*) FROM {raw}.tolerado").get(0).getLong(0)).isEqualTo(199L);
  }

  @Test
  void should_quarantine_rows_swallowed_by_an_unclosed_quote_and_say_which_lines() {
    // row 51 opens a quote in its note that only the note of row 55 closes: rows 52-54 are inside one cell
    StringBuilder sb = new StringBuilder("Estacion;Nota;Precio\n");
    for (int i = 1; i <= 100; i++) {
      sb.append("E").append(i).append(';').append(i == 50 ? "\"abierta" : i == 54 ? "cierra\"" : "ok").append(";1,")
          .append(i % 10).append('\n');
    }
    fx.write("comillas.csv", sb.toString(), UTF_8);
    FileOutcome o = fx.only(fx.ingest("comillas.csv"));
    assertThat(o.status()).isEqualTo(FileStatus.PARTIAL);
    assertThat(o.rowsLoaded()).isEqualTo(95);
    assertThat(o.rowsQuarantined()).isEqualTo(1);
    Row q = fx.sql("SELECT source_row, value, reason FROM {raw}._quarantine WHERE table = 'comillas'").get(0);
    assertThat(q.getLong(0)).isEqualTo(51L);
    assertThat(q.getString(1)).contains("E52;ok;1,2").contains("E53;ok;1,3");
    assertThat(q.getString(2)).contains("sin cerrar").contains("línea 51").contains("hasta la línea 55");
    assertThat(fx.sql("SELECT count(*) FROM {serving}.comillas WHERE estacion = 'E56'").get(0).getLong(0)).isEqualTo(1L);
  }

  @Test
  void should_quarantine_values_that_do_not_fit_the_column_type_never_null_them() {
    StringBuilder sb = new StringBuilder("Fecha;Importe\n");
    for (int i = 1; i <= 100; i++) {
      sb.append(i % 28 + 1).append("/3/2023;").append(i == 50 ? "12,3x" : i + ",25").append('\n');
    }
    fx.write("sucio.csv", sb.toString(), UTF_8);
    FileOutcome o = fx.only(fx.ingest("sucio.csv"));
    assertThat(o.status()).isEqualTo(FileStatus.PARTIAL);
    assertThat(o.rowsLoaded()).isEqualTo(99);
    Row q = fx.sql("SELECT source_row, column, value, reason FROM {raw}._quarantine WHERE table = 'sucio'").get(0);
    assertThat(q.getLong(0)).isEqualTo(51L);
    assertThat(q.getString(1)).isEqualTo("importe");
    assertThat(q.getString(2)).isEqualTo("12,3x");
    assertThat(q.getString(3)).contains("12,3x");
    assertThat(fx.sql("SELECT count(*) FROM {serving}.sucio WHERE importe IS NULL").get(0).getLong(0)).isZero();
    assertThat(fx.sql("SELECT sum(importe) FROM {serving}.sucio").get(0).getDecimal(0))
        .isEqualByComparingTo(new java.math.BigDecimal("5075.00").subtract(new java.math.BigDecimal("50.25")));
    assertThat(fx.sql("SELECT importe FROM {raw}.sucio WHERE _source_row = 51").get(0).getString(0)).isEqualTo("12,3x");
  }

  @Test
  void should_quarantine_a_type_conflict_in_a_later_weekly_file_and_keep_earlier_rows() {
    fx.write("ventas/semana_01.csv", "Fecha;Unidades\n1/1/2022;10\n2/1/2022;12\n", UTF_8);
    assertThat(fx.only(fx.ingest("ventas/semana_01.csv")).status()).isEqualTo(FileStatus.LOADED);
    fx.write("ventas/semana_02.csv", "Fecha;Unidades\n8/1/2022;muchas\n9/1/2022;14\n", UTF_8);
    FileOutcome o = fx.only(fx.ingest("ventas/semana_02.csv"));
    assertThat(o.status()).isEqualTo(FileStatus.PARTIAL);
    assertThat(types("ventas")).containsEntry("unidades", "bigint");
    assertThat(fx.sql("SELECT sum(unidades), count(*) FROM {serving}.ventas").get(0).getLong(0)).isEqualTo(36L);
    assertThat(fx.sql("SELECT reason FROM {raw}._quarantine WHERE table = 'ventas'").get(0).getString(0))
        .contains("muchas").contains("entero");
  }

  @Test
  void should_add_a_new_column_from_a_later_file_and_leave_it_null_for_earlier_rows() {
    fx.write("altas/s1.csv", "Central;Potencia\nABRO;25\n", UTF_8);
    fx.ingest("altas/s1.csv");
    fx.write("altas/s2.csv", "Central;Potencia;Región\nACAJ;184;Comahue\n", UTF_8);
    assertThat(fx.only(fx.ingest("altas/s2.csv")).status()).isEqualTo(FileStatus.LOADED);
    List<Row> rows = fx.sql("SELECT central, region FROM {serving}.altas ORDER BY central");
    assertThat(rows.get(0).getString(1)).isNull();
    assertThat(rows.get(1).getString(1)).isEqualTo("Comahue");
    assertThat(comments("altas")).containsEntry("region", "Región");
  }

  @Test
  void should_leave_a_missing_column_null_in_a_later_file() {
    fx.write("bajas/s1.csv", "Central;Potencia;Región\nABRO;25;GBA\n", UTF_8);
    fx.ingest("bajas/s1.csv");
    fx.write("bajas/s2.csv", "Central;Potencia\nACAJ;184\n", UTF_8);
    assertThat(fx.only(fx.ingest("bajas/s2.csv")).status()).isEqualTo(FileStatus.LOADED);
    assertThat(fx.sql("SELECT region FROM {serving}.bajas WHERE central = 'ACAJ'").get(0).isNullAt(0)).isTrue();
  }

  @Test
  void should_replace_the_rows_of_a_file_uploaded_again_with_new_content() {
    fx.write("repe/datos.csv", "Central;Potencia\nABRO;25\nACAJ;184\n", UTF_8);
    fx.ingest("repe/datos.csv");
    fx.write("repe/datos.csv", "Central;Potencia\nABRO;26\nACAJ;184\nAESP;525\n", UTF_8);
    assertThat(fx.only(fx.ingest("repe/datos.csv")).status()).isEqualTo(FileStatus.LOADED);
    assertThat(fx.sql("SELECT count(*), sum(potencia) FROM {serving}.repe").get(0).getLong(0)).isEqualTo(3L);
    assertThat(fx.sql("SELECT count(*) FROM {raw}.repe").get(0).getLong(0)).isEqualTo(3L);
  }

  @Test
  void should_skip_the_same_content_under_another_name_in_the_same_dataset() {
    fx.write("copias/a.csv", "Central;Potencia\nABRO;25\n", UTF_8);
    fx.ingest("copias/a.csv");
    Map<String, String> before = fx.snapshot();
    fx.write("copias/b.csv", "Central;Potencia\nABRO;25\n", UTF_8);
    FileOutcome o = fx.only(fx.ingest("copias/b.csv"));
    assertThat(o.status()).isEqualTo(FileStatus.SKIPPED_DUPLICATE);
    assertThat(o.message()).contains("copias/a.csv");
    assertThat(fx.snapshot()).isEqualTo(before);
  }

  @Test
  void should_name_duplicate_and_symbol_only_headers_deterministically() {
    fx.write("nombres.csv", "Valor;Valor;°;2020 ventas\n1;2;3;4\n", UTF_8);
    fx.ingest("nombres.csv");
    assertThat(fx.spark.table(fx.serving() + ".nombres").columns())
        .startsWith("valor", "valor_2", "columna_3", "c_2020_ventas");
  }

  @Test
  void should_find_the_header_below_title_lines_and_drop_a_trailing_total_row() {
    fx.write("titulos.csv", "Generación mensual por región\nEn GWh\n\nRegión;Enero;Febrero\nCuyo;10;11\nComahue;20;21\nTotal;30;32\n",
        UTF_8);
    FileOutcome o = fx.only(fx.ingest("titulos.csv"));
    assertThat(o.rowsLoaded()).isEqualTo(2);
    assertThat(fx.sql("SELECT sum(enero) FROM {serving}.titulos").get(0).getLong(0)).isEqualTo(30L);
    assertThat(fx.sql("SELECT min(_source_row) FROM {serving}.titulos").get(0).getLong(0)).isEqualTo(5L);
    assertThat(tableComment("titulos")).contains("Generación mensual por región").contains("En GWh");
  }

  @Test
  void should_strip_a_utf8_byte_order_mark_and_read_windows_1252_text() {
    fx.write("bom.csv", "\uFEFFCódigo,Descripción\n01,Año nuevo\n", UTF_8);
    fx.write("latin.csv", "Código;Descripción\n02250;Señal ñandú\n", CP1252);
    fx.ingest("bom.csv", "latin.csv");
    assertThat(fx.spark.table(fx.serving() + ".bom").columns()).startsWith("codigo", "descripcion");
    assertThat(fx.sql("SELECT codigo, descripcion FROM {serving}.latin").get(0).getString(1)).isEqualTo("Señal ñandú");
    assertThat(fx.sql("SELECT codigo FROM {serving}.latin").get(0).getString(0)).as("postcode stays text").isEqualTo("02250");
  }

  @Test
  void should_load_a_100_kb_cell_and_quoted_delimiters_intact() {
    String big = "x".repeat(100 * 1024);
    fx.write("grande.csv", "id;texto;nota\n1;\"" + big + "\";\"a;b\"\n2;corto;\"línea\nsegunda\"\n", UTF_8);
    FileOutcome o = fx.only(fx.ingest("grande.csv"));
    assertThat(o.status()).isEqualTo(FileStatus.LOADED);
    assertThat(fx.sql("SELECT length(texto), nota FROM {serving}.grande WHERE id = 1").get(0).getInt(0)).isEqualTo(102400);
    assertThat(fx.sql("SELECT nota FROM {serving}.grande WHERE id = 1").get(0).getString(0)).isEqualTo("a;b");
    assertThat(fx.sql("SELECT nota, _source_row FROM {raw}.grande WHERE id = '2'").get(0).getLong(1)).isEqualTo(3L);
  }

  @Test
  void should_load_good_files_and_fail_the_run_when_one_file_of_the_run_is_bad() {
    fx.write("lote/buena.csv", "a;b\n1;2\n", UTF_8);
    fx.write("lote/mala.csv", new byte[0]);
    fx.write("otra.csv", "x;y\n3;4\n", UTF_8);
    IngestReport r = fx.ingest("lote/buena.csv", "lote/mala.csv", "otra.csv");
    assertThat(r.anyFailed()).isTrue();
    Map<String, FileStatus> byFile = r.files().stream().collect(Collectors.toMap(FileOutcome::file, FileOutcome::status));
    assertThat(byFile).containsEntry("lote/buena.csv", FileStatus.LOADED).containsEntry("lote/mala.csv", FileStatus.FAILED)
        .containsEntry("otra.csv", FileStatus.LOADED);
    assertThat(fx.sql("SELECT count(*) FROM {serving}.lote").get(0).getLong(0)).isEqualTo(1L);
  }

  @Test
  void should_use_a_companion_dictionary_for_column_comments() {
    fx.write("dicc/centrales.csv", "Rótulo;Potencia\nABRO;25\n", UTF_8);
    fx.write("dicc/centrales.diccionario.csv", "columna;descripcion\nRotulo;Código de la central en CAMMESA\n"
        + "Potencia;Potencia instalada en MW\n", UTF_8);
    fx.ingest("dicc/centrales.csv");
    assertThat(comments("dicc")).containsEntry("rotulo", "Código de la central en CAMMESA")
        .containsEntry("potencia", "Potencia instalada en MW");
    assertThat(fx.spark.table(fx.raw() + ".dicc").schema().apply("rotulo").getComment().get()).isEqualTo("Rótulo");
  }

  /**
   * An EESS-like pair (service stations: 11,556 rows, ISO-8859-1, {@code ;}) whose dictionary has an unquoted
   * {@code ;} in one description: the data loads whole, PARTIAL, the log names the dictionary and its line, and every
   * other description becomes a column comment.
   */
  @Test
  void should_load_the_data_as_partial_when_its_companion_dictionary_has_a_malformed_line() {
    StringBuilder csv = new StringBuilder("Provincia;Municipio;Localidad;Código postal;Dirección;Margen;Longitud;Latitud;"
        + "Toma de datos;Precio gasolina 95;Precio gasóleo A;Rótulo;Horario\n");
    String[] provincias = {"MADRID", "BARCELONA", "SEVILLA", "VALENCIA / VALÈNCIA", "A CORUÑA"};
    Random rnd = new Random(11);
    for (int i = 1; i <= 11_556; i++) {
      csv.append(provincias[i % provincias.length]).append(";Municipio ").append(i % 700).append(";Localidad ")
          .append(i % 900).append(';').append(String.format("%05d", 1000 + i)).append(";CALLE MAYOR, ").append(i)
          .append(';').append(i % 2 == 0 ? "D" : "I").append(";-3,").append(100000 + rnd.nextInt(899999)).append(";40,")
          .append(100000 + rnd.nextInt(899999)).append(";10/10/2023;1,").append(500 + rnd.nextInt(300)).append(";1,")
          .append(400 + rnd.nextInt(300)).append(";REPSOL;L-D: 24H\n");
    }
    fx.write("eess/EESS.csv", csv.toString(), ISO_8859_1);
    fx.write("eess/EESS.diccionario.csv", "columna;descripcion\n"
        + "Provincia;Provincia de la estación de servicio\n"
        + "Municipio;Municipio\n"
        + "Localidad;Localidad o núcleo de población\n"
        + "Código postal;Código postal de la dirección\n"
        + "Dirección;Calle y número\n"
        + "Margen;Margen de la carretera; D derecha, I izquierda\n" // line 7: unquoted ';'
        + "Longitud;Longitud WGS84 en grados decimales\n"
        + "Latitud;Latitud WGS84 en grados decimales\n"
        + "Toma de datos;Fecha de la toma de precios\n"
        + "Precio gasolina 95;Precio de la gasolina 95 E5 en euros por litro\n"
        + "Precio gasóleo A;Precio del gasóleo A en euros por litro\n"
        + "Rótulo;Marca de la estación\n"
        + "Horario;Horario de apertura\n", ISO_8859_1);

    FileOutcome o = fx.only(fx.ingest("eess/EESS.csv"));

    assertThat(o.status()).isEqualTo(FileStatus.PARTIAL);
    assertThat(o.rowsLoaded()).isEqualTo(11_556);
    assertThat(o.rowsQuarantined()).isZero();
    assertThat(o.message()).contains("EESS.diccionario.csv, fila 7: la fila tiene 3 valores y se esperaban 2")
        .contains("entre comillas dobles");
    assertThat(fx.sql("SELECT count(*) FROM {serving}.eess").get(0).getLong(0)).isEqualTo(11_556L);
    assertThat(fx.sql("SELECT status, message FROM {raw}._ingestion_log WHERE file = 'eess/EESS.csv'").get(0).getString(1))
        .contains("EESS.diccionario.csv, fila 7");
    Map<String, String> comments = comments("eess");
    assertThat(comments).containsEntry("provincia", "Provincia de la estación de servicio")
        .containsEntry("codigo_postal", "Código postal de la dirección")
        .containsEntry("margen", "Margen de la carretera; D derecha, I izquierda")
        .containsEntry("precio_gasoleo_a", "Precio del gasóleo A en euros por litro")
        .containsEntry("horario", "Horario de apertura");
  }

  @Test
  void should_keep_the_original_file_untouched_and_archive_a_copy() throws Exception {
    Path file = fx.write("archivo.csv", "a;b\n1;2\n", UTF_8);
    byte[] original = Files.readAllBytes(file);
    Path archive = Files.createTempDirectory("archive");
    IngestReport r = IngestJob.run(fx.spark, IngestJob.config("--source", fx.uploads.toString(), "--raw-schema", fx.raw(),
        "--serving-schema", fx.serving(), "--files", "archivo.csv", "--archive", archive.toString()));
    String sha = r.files().get(0).sha256();
    assertThat(Files.readAllBytes(file)).isEqualTo(original);
    assertThat(Files.readAllBytes(archive.resolve(sha.substring(0, 2)).resolve(sha).resolve("archivo.csv"))).isEqualTo(original);
  }

  @Test
  void should_attach_csv_footnotes_to_their_columns_and_drop_note_lines() {
    fx.write("notas.csv", "Mes;Buenos Aires(1);Córdoba\nene-22;10;20\nfeb-22;11;21\n(1) Incluye el Gran Buenos Aires.\n"
        + "Fuente: ENARGAS\n", UTF_8);
    FileOutcome o = fx.only(fx.ingest("notas.csv"));
    assertThat(o.rowsLoaded()).isEqualTo(2);
    assertThat(comments("notas").get("buenos_aires")).isEqualTo("Buenos Aires. Nota: Incluye el Gran Buenos Aires.");
    assertThat(tableComment("notas")).contains("Fuente: ENARGAS");
  }

  @Test
  void should_load_a_single_column_file() {
    fx.write("una_columna.csv", "Provincia\nSalta\nJujuy\nTucumán\n", UTF_8);
    FileOutcome o = fx.only(fx.ingest("una_columna.csv"));
    assertThat(o.status()).isEqualTo(FileStatus.LOADED);
    assertThat(o.rowsLoaded()).isEqualTo(3);
  }

  private static byte[] workbook(String... header) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var sheet = wb.createSheet("Datos");
      var h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      for (int r = 1; r <= 5; r++) {
        var row = sheet.createRow(r);
        for (int i = 0; i < header.length; i++) {
          row.createCell(i).setCellValue(r * 10 + i);
        }
      }
      wb.write(out);
    }
    return out.toByteArray();
  }

  private Map<String, String> types(String table) {
    return Arrays.stream(fx.spark.table(fx.serving() + "." + table).schema().fields())
        .collect(Collectors.toMap(StructField::name, f -> f.dataType().simpleString()));
  }

  private Map<String, String> comments(String table) {
    return Arrays.stream(fx.spark.table(fx.serving() + "." + table).schema().fields()).filter(f -> f.getComment().isDefined())
        .collect(Collectors.toMap(StructField::name, f -> f.getComment().get()));
  }

  private String tableComment(String table) {
    return fx.sql("DESCRIBE TABLE EXTENDED {serving}." + table).stream().filter(r -> "Comment".equals(r.getString(0)))
        .map(r -> r.getString(1)).findFirst().orElse("");
  }
}
