package io.datagent.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.FileInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The three real sample files of ../shared/samples/energia, loaded as they are. Expected values are computed here
 * from the files with other readers (plain Java, univocity directly, POI directly), never by the code under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnergiaSamplesIngestTest {

  static final Path SAMPLES = Path.of(System.getProperty("datagent.shared", "../../shared"), "samples", "energia");
  static final Path CAMMESA = SAMPLES.resolve("Cammesa_res.csv");
  static final Path POTENCIA = SAMPLES.resolve("PotenciaInstalada.csv");
  static final Path GAS = SAMPLES.resolve("Todos_010601a-Cuadro_I_5_1a.xlsx");

  IngestFixture fx;
  IngestReport first;

  @BeforeAll
  void loadSamples() {
    fx = new IngestFixture("energia");
    fx.copy(CAMMESA, "Cammesa_res.csv");
    fx.copy(POTENCIA, "PotenciaInstalada.csv");
    fx.copy(GAS, "Todos_010601a-Cuadro_I_5_1a.xlsx");
    first = fx.ingest();
  }

  @Test
  void should_load_every_sample_file_when_ingested_as_published() {
    assertThat(first.files()).extracting(FileOutcome::status).containsOnly(FileStatus.LOADED);
    assertThat(first.files()).extracting(FileOutcome::table)
        .containsExactlyInAnyOrder("cammesa_res", "potenciainstalada", "todos_010601a_cuadro_i_5_1a");
    assertThat(first.anyFailed()).isFalse();
  }

  @Test
  void should_type_and_name_cammesa_columns_and_keep_every_row() throws Exception {
    List<String> lines = Files.readAllLines(CAMMESA, StandardCharsets.ISO_8859_1).stream()
        .filter(l -> !l.isBlank()).toList();
    int expectedRows = lines.size() - 1;
    BigDecimal expectedDemand = BigDecimal.ZERO;
    LocalDate maxDate = LocalDate.MIN;
    DateTimeFormatter dmy = DateTimeFormatter.ofPattern("d/M/yyyy");
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(";", -1);
      expectedDemand = expectedDemand.add(new BigDecimal(c[6]));
      LocalDate d = LocalDate.parse(c[2], dmy);
      maxDate = d.isAfter(maxDate) ? d : maxDate;
    }

    Map<String, String> types = types(fx.serving() + ".cammesa_res");
    assertThat(types).containsEntry("mes_ano", "date").containsEntry("n_dia", "bigint").containsEntry("fecha", "date")
        .containsEntry("habil_no_habil", "string").containsEntry("tipo_dia", "string")
        .containsEntry("auto_gumas", "decimal(38,1)").containsEntry("demanda_distribuidor", "decimal(38,1)")
        .containsEntry("temperatura_media_gba_c", "decimal(38,1)")
        .containsEntry("alimentacion_comercios_y_servicios", "decimal(38,1)").containsEntry("industrias", "decimal(38,1)");
    org.apache.spark.sql.Row agg = fx.sql("SELECT count(*), sum(demanda_distribuidor), max(fecha), min(mes_ano), "
        + "count(DISTINCT _source_row), min(_source_row) FROM {serving}.cammesa_res").get(0);
    assertThat(agg.getLong(0)).isEqualTo(expectedRows).isEqualTo(1181);
    assertThat(agg.getDecimal(1)).isEqualByComparingTo(expectedDemand);
    assertThat(agg.getDate(2).toLocalDate()).isEqualTo(maxDate);
    assertThat(agg.getDate(3).toLocalDate()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(agg.getLong(4)).isEqualTo(expectedRows);
    assertThat(agg.getLong(5)).isEqualTo(2L);
    assertThat(fx.sql("SELECT habil_no_habil FROM {serving}.cammesa_res WHERE fecha = DATE'2022-01-03'").get(0).getString(0))
        .isEqualTo("Hábil");
  }

  @Test
  void should_keep_raw_cells_as_text_with_original_headers_as_comments() {
    Map<String, String> comments = comments(fx.raw() + ".cammesa_res");
    assertThat(comments).containsEntry("temperatura_media_gba_c", "TEMPERATURA MEDIA GBA °C")
        .containsEntry("mes_ano", "Mes/Año").containsEntry("n_dia", "N° Día").containsEntry("auto_gumas", "AUTO+GUMAs");
    org.apache.spark.sql.Row r = fx.sql("SELECT mes_ano, fecha, demanda_distribuidor, _source_file, _source_row, _batch_id "
        + "FROM {raw}.cammesa_res WHERE _source_row = 2").get(0);
    assertThat(r.getString(0)).isEqualTo("ene-22");
    assertThat(r.getString(1)).isEqualTo("1/1/2022");
    assertThat(r.getString(2)).isEqualTo("15203.9");
    assertThat(r.getString(3)).isEqualTo("Cammesa_res.csv");
    assertThat(r.getString(5)).isEqualTo(first.batchId());
    assertThat(types(fx.raw() + ".cammesa_res").values()).containsOnly("string", "bigint", "timestamp");
  }

  @Test
  void should_sum_installed_capacity_like_an_independent_parser() throws Exception {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(',');
    s.setHeaderExtractionEnabled(true);
    List<String[]> rows = new CsvParser(s).parseAll(Files.newBufferedReader(POTENCIA, StandardCharsets.UTF_8));
    BigDecimal expected = rows.stream().map(r -> new BigDecimal(r[9].trim())).reduce(BigDecimal.ZERO, BigDecimal::add);

    Map<String, String> types = types(fx.serving() + ".potenciainstalada");
    assertThat(types).containsEntry("periodo", "date").containsEntry("potencia_instalada_mw", "decimal(38,3)")
        .containsEntry("agente_descripcion", "string").containsEntry("central", "string");
    org.apache.spark.sql.Row agg = fx.sql("SELECT count(*), sum(potencia_instalada_mw), "
        + "max(length(agente_descripcion) - length(trim(agente_descripcion))) FROM {serving}.potenciainstalada").get(0);
    assertThat(agg.getLong(0)).isEqualTo(rows.size()).isEqualTo(282);
    assertThat(agg.getDecimal(1)).isEqualByComparingTo(expected);
    assertThat(agg.getInt(2)).as("text is trimmed in serving").isZero();
    assertThat(comments(fx.serving() + ".potenciainstalada")).containsEntry("potencia_instalada_mw", "POTENCIA INSTALADA [MW]");
    assertThat(fx.sql("SELECT agente_descripcion FROM {serving}.potenciainstalada WHERE central = 'ABRO'").get(0).getString(0))
        .isEqualTo("C.T. ALMIRANTE BROWN");
  }

  @Test
  void should_read_the_gas_workbook_below_its_titles_and_above_its_accumulated_row() throws Exception {
    BigDecimal expectedTotal = BigDecimal.ZERO;
    int expectedRows = 0;
    try (XSSFWorkbook wb = new XSSFWorkbook(new FileInputStream(GAS.toFile()))) {
      Sheet sheet = wb.getSheetAt(0);
      for (int i = 10; i <= 337; i++) { // Excel rows 11..338: the monthly block of the published file
        Row row = sheet.getRow(i);
        Cell month = row.getCell(0);
        assertThat(month.getCellType()).isEqualTo(CellType.NUMERIC);
        expectedTotal = expectedTotal.add(BigDecimal.valueOf(row.getCell(21).getNumericCellValue()));
        expectedRows++;
      }
    }
    Map<String, String> types = types(fx.serving() + ".todos_010601a_cuadro_i_5_1a");
    assertThat(types).hasSize(22 + 4).containsEntry("mes", "date").containsEntry("buenos_aires", "bigint")
        .containsEntry("total", "bigint").containsEntry("neuquen", "bigint").containsEntry("t_del_fuego", "bigint");
    org.apache.spark.sql.Row agg = fx.sql("SELECT count(*), sum(total), min(mes), max(mes), min(_source_row), max(_source_row) "
        + "FROM {serving}.todos_010601a_cuadro_i_5_1a").get(0);
    assertThat(agg.getLong(0)).isEqualTo(expectedRows).isEqualTo(328);
    assertThat(new BigDecimal(agg.getLong(1))).isEqualByComparingTo(expectedTotal);
    assertThat(agg.getDate(2).toLocalDate()).isEqualTo(LocalDate.of(1993, 1, 1));
    assertThat(agg.getDate(3).toLocalDate()).isEqualTo(LocalDate.of(2020, 4, 1));
    assertThat(agg.getLong(4)).isEqualTo(11L);
    assertThat(agg.getLong(5)).isEqualTo(338L);
  }

  @Test
  void should_turn_titles_and_footnotes_of_the_workbook_into_comments() {
    String table = fx.serving() + ".todos_010601a_cuadro_i_5_1a";
    assertThat(comments(table).get("buenos_aires")).startsWith("Buenos Aires").contains("apertura por Distribuidora");
    assertThat(comments(table)).containsEntry("neuquen", "Neuquén");
    String tableComment = fx.sql("DESCRIBE TABLE EXTENDED " + table).stream()
        .filter(r -> "Comment".equals(r.getString(0))).map(r -> r.getString(1)).findFirst().orElse("");
    assertThat(tableComment).contains("Gas Entregado: Servicio Residencial").contains("FUENTE: ENARGAS");
  }

  @Test
  void should_record_each_file_in_the_ingestion_log() {
    List<org.apache.spark.sql.Row> log = fx.sql("SELECT file, status, rows_read, rows_loaded, rows_quarantined, sha256 "
        + "FROM {raw}._ingestion_log WHERE batch_id = '" + first.batchId() + "' ORDER BY file");
    assertThat(log).hasSize(3);
    assertThat(log.get(0).getString(0)).isEqualTo("Cammesa_res.csv");
    assertThat(log.get(0).getLong(2)).isEqualTo(1181L);
    assertThat(log.get(0).getLong(3)).isEqualTo(1181L);
    assertThat(log.get(0).getString(5)).hasSize(64);
    assertThat(log).extracting(r -> r.getString(1)).containsOnly("LOADED");
  }

  @Test
  void should_skip_unchanged_files_and_change_no_table_when_run_again() {
    Map<String, String> before = fx.snapshot();
    IngestReport again = fx.ingest();
    assertThat(again.files()).extracting(FileOutcome::status).containsOnly(FileStatus.SKIPPED_DUPLICATE);
    assertThat(again.files()).extracting(FileOutcome::message).allMatch(m -> m.contains("ya se cargó"));
    assertThat(fx.snapshot()).isEqualTo(before);
  }

  private Map<String, String> types(String table) {
    return java.util.Arrays.stream(fx.spark.table(table).schema().fields())
        .collect(Collectors.toMap(StructField::name, f -> f.dataType().simpleString()));
  }

  private Map<String, String> comments(String table) {
    return java.util.Arrays.stream(fx.spark.table(table).schema().fields()).filter(f -> f.getComment().isDefined())
        .collect(Collectors.toMap(StructField::name, f -> f.getComment().get()));
  }
}
