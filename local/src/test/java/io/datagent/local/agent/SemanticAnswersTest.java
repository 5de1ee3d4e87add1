package io.datagent.local.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import java.io.FileInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Questions in Spanish answered without a model on real Spark over the ingested samples: every number is checked
 * against a value computed here from the source files with plain Java (and POI for the workbook), never against
 * the product's own parsing.
 */
class SemanticAnswersTest {

  static Agent agent;
  static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/yyyy");

  @BeforeAll
  static void start() {
    agent = LocalAgents.create(LocalAgentFixture.runtime(), Map.of(), new NoIndexRetriever());
  }

  static List<String[]> csv(String file, Charset cs, String sep) throws Exception {
    List<String> lines = Files.readAllLines(LocalAgentFixture.SAMPLES.resolve(file), cs).stream().filter(l -> !l.isBlank()).toList();
    return lines.subList(1, lines.size()).stream().map(l -> l.split(sep, -1)).toList();
  }

  static AgentAnswer ask(String q) {
    AgentAnswer a = agent.answer(AgentRequest.of(q), AnswerListener.NONE);
    assertThat(a.mode()).as(q + " → " + a.answer()).isEqualTo(AgentAnswer.SEMANTIC);
    assertThat(a.answer()).contains("Entendí:").contains("```sql");
    System.out.printf("P: %s%n  SQL: %s%n  R: %s%n", q, a.sql(), a.answer().lines().findFirst().orElse(""));
    return a;
  }

  static BigDecimal first(AgentAnswer a) {
    return new BigDecimal(String.valueOf(a.result().rows().get(0).get(0)));
  }

  @Test
  void should_total_installed_capacity_per_region_like_the_file() throws Exception {
    Map<String, BigDecimal> expected = new HashMap<>();
    for (String[] r : csv("PotenciaInstalada.csv", StandardCharsets.UTF_8, ",")) {
      expected.merge(r[4].strip(), new BigDecimal(r[9].strip()), BigDecimal::add);
    }

    AgentAnswer a = ask("¿Cuál es la potencia instalada por región?");

    assertThat(a.result().rows()).hasSize(expected.size());
    for (List<Object> row : a.result().rows()) {
      assertThat(new BigDecimal(String.valueOf(row.get(1)))).as(String.valueOf(row.get(0)))
          .isEqualByComparingTo(expected.get(String.valueOf(row.get(0))));
    }
    assertThat(a.result().columns()).containsExactly("region", "valor"); // a label and a number: the App draws bars
  }

  @Test
  void should_rank_the_three_plants_with_most_capacity_like_the_file() throws Exception {
    Map<String, BigDecimal> byPlant = new HashMap<>();
    for (String[] r : csv("PotenciaInstalada.csv", StandardCharsets.UTF_8, ",")) {
      byPlant.merge(r[1].strip(), new BigDecimal(r[9].strip()), BigDecimal::add);
    }
    List<String> top = byPlant.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey())).limit(3).map(Map.Entry::getKey).toList();

    // "potencia instalada": the fixture also holds notas_centrales (central, potencia_mw), a deliberately confusable table
    AgentAnswer a = ask("las 3 centrales con mayor potencia instalada");

    assertThat(a.result().rows()).extracting(r -> String.valueOf(r.get(0))).containsExactlyElementsOf(top);
    assertThat(a.answer()).contains(top.get(0));
  }

  @Test
  void should_compute_the_hydro_share_like_the_file() throws Exception {
    BigDecimal all = BigDecimal.ZERO;
    BigDecimal hydro = BigDecimal.ZERO;
    for (String[] r : csv("PotenciaInstalada.csv", StandardCharsets.UTF_8, ",")) {
      all = all.add(new BigDecimal(r[9].strip()));
      hydro = r[7].strip().equals("Hidráulica") ? hydro.add(new BigDecimal(r[9].strip())) : hydro;
    }
    double expected = hydro.doubleValue() * 100 / all.doubleValue();

    AgentAnswer a = ask("¿Qué porcentaje de la potencia instalada es hidráulica?");

    assertThat(first(a).doubleValue()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void should_sum_industry_demand_on_working_days_of_march_2024_like_the_file() throws Exception {
    BigDecimal expected = BigDecimal.ZERO;
    for (String[] r : csv("Cammesa_res.csv", StandardCharsets.ISO_8859_1, ";")) {
      LocalDate d = LocalDate.parse(r[2], DMY);
      if (d.getYear() == 2024 && d.getMonthValue() == 3 && r[3].equals("Hábil")) {
        expected = expected.add(new BigDecimal(r[9]));
      }
    }

    assertThat(first(ask("suma de INDUSTRIAS en los días hábiles de marzo de 2024"))).isEqualByComparingTo(expected);
  }

  @Test
  void should_count_hot_days_and_read_one_day_like_the_file() throws Exception {
    List<String[]> rows = csv("Cammesa_res.csv", StandardCharsets.ISO_8859_1, ";");
    long hot = rows.stream().filter(r -> new BigDecimal(r[7]).compareTo(new BigDecimal("30")) > 0).count();
    Map<LocalDate, BigDecimal> demand = rows.stream().collect(Collectors.toMap(r -> LocalDate.parse(r[2], DMY), r -> new BigDecimal(r[6])));

    assertThat(first(ask("¿cuántos días la temperatura superó 30 °C?")).longValue()).isEqualTo(hot);
    assertThat(first(ask("DEMANDA DISTRIBUIDOR el 15 de julio de 2023"))).isEqualByComparingTo(demand.get(LocalDate.of(2023, 7, 15)));
    BigDecimal change = demand.get(LocalDate.of(2023, 1, 31)).subtract(demand.get(LocalDate.of(2023, 1, 1)));
    assertThat(first(ask("¿cuánto varió la demanda distribuidor entre el 1 y el 31 de enero de 2023?"))).isEqualByComparingTo(change);
  }

  @Test
  void should_read_a_province_as_a_column_of_the_gas_workbook() throws Exception {
    BigDecimal salta2019 = BigDecimal.ZERO;
    BigDecimal notBuenosAires = BigDecimal.ZERO;
    try (XSSFWorkbook wb = new XSSFWorkbook(new FileInputStream(LocalAgentFixture.SAMPLES.resolve("Todos_010601a-Cuadro_I_5_1a.xlsx").toFile()))) {
      Sheet sheet = wb.getSheetAt(0);
      Row header = sheet.getRow(9);
      int salta = -1;
      int total = -1;
      int ba = -1;
      for (Cell c : header) {
        String h = c.getCellType() == CellType.STRING ? c.getStringCellValue().strip() : "";
        salta = h.equals("Salta") ? c.getColumnIndex() : salta;
        total = h.equals("Total") ? c.getColumnIndex() : total;
        ba = h.startsWith("Buenos Aires") ? c.getColumnIndex() : ba;
      }
      for (int i = 10; i <= 337; i++) { // the monthly block, as EnergiaSamplesIngestTest reads it
        Row row = sheet.getRow(i);
        LocalDate month = DateUtil.getLocalDateTime(row.getCell(0).getNumericCellValue()).toLocalDate();
        if (month.getYear() == 2019) {
          salta2019 = salta2019.add(BigDecimal.valueOf(row.getCell(salta).getNumericCellValue()));
        }
        notBuenosAires = notBuenosAires.add(BigDecimal.valueOf(row.getCell(total).getNumericCellValue())
            .subtract(BigDecimal.valueOf(row.getCell(ba).getNumericCellValue())));
      }
    }

    assertThat(first(ask("¿Cuánto gas se entregó en Salta en 2019?"))).isEqualByComparingTo(salta2019);
    assertThat(first(ask("¿cuánto gas se entregó entre enero de 1993 y abril de 2020 sin contar Buenos Aires?")).round(MathContext.DECIMAL64))
        .isEqualByComparingTo(notBuenosAires.round(MathContext.DECIMAL64));
  }
}
