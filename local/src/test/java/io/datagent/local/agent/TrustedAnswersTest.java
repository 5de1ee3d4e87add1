package io.datagent.local.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentConfig;
import io.datagent.agent.AgentFactory;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.trusted.InMemoryTrustedQueries;
import io.datagent.app.trusted.TrustedQuerySeed;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's trusted queries answering on real Spark over the ingested samples, before the compiler; numbers are
 * checked against sums computed here from the source files.
 */
class TrustedAnswersTest {

  static Agent agent;

  @BeforeAll
  static void start() throws Exception {
    AgentConfig config = AgentConfig.fromEnv(Map.of()).withSqlTimeout(LocalAgents.LOCAL_SQL_TIMEOUT);
    try (InputStream in = TrustedAnswersTest.class.getResourceAsStream("/demo/trusted-queries.json")) {
      agent = AgentFactory.create(config, new NoIndexRetriever(), LocalAgents.catalog(LocalAgentFixture.runtime(), config),
          LocalAgents.executor(LocalAgentFixture.runtime()), null, LocalAgents.semanticModels(LocalAgentFixture.runtime()),
          new InMemoryTrustedQueries(TrustedQuerySeed.read(in, Instant.now())));
    }
  }

  static AgentAnswer ask(String q) {
    AgentAnswer a = agent.answer(AgentRequest.of(q), AnswerListener.NONE);
    System.out.printf("P: %s%n  SQL: %s%n  R: %s%n", q, a.sql(), a.answer().replace('\n', ' '));
    assertThat(a.mode()).as(q + " → " + a.answer()).isEqualTo(AgentAnswer.TRUSTED);
    assertThat(a.answer()).startsWith("**Consulta verificada:");
    return a;
  }

  @Test
  void should_rank_the_plants_like_the_file_when_a_trusted_pattern_matches_with_typos() throws Exception {
    Map<String, BigDecimal> byPlant = new HashMap<>();
    for (String[] r : SemanticAnswersTest.csv("PotenciaInstalada.csv", StandardCharsets.UTF_8, ",")) {
      byPlant.merge(r[1].strip(), new BigDecimal(r[9].strip()), BigDecimal::add);
    }
    List<BigDecimal> top = byPlant.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(3).toList();

    AgentAnswer a = ask("¿Cuáles son las 3 centrales con mas potensia?");

    assertThat(a.answer()).contains("Parámetros: k = 3");
    assertThat(a.result().rows()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(new BigDecimal(String.valueOf(a.result().rows().get(i).get(1)))).isEqualByComparingTo(
          top.get(i).setScale(1, java.math.RoundingMode.HALF_UP));
    }
  }

  @Test
  void should_total_a_region_by_source_with_the_value_index_spelling_when_typed_in_lower_case() throws Exception {
    BigDecimal expected = BigDecimal.ZERO;
    for (String[] r : SemanticAnswersTest.csv("PotenciaInstalada.csv", StandardCharsets.UTF_8, ",")) {
      if (r[4].strip().equals("COMAHUE")) {
        expected = expected.add(new BigDecimal(r[9].strip()));
      }
    }

    AgentAnswer a = ask("potencia instalada en comahue");

    assertThat(a.answer()).contains("Parámetros: region = COMAHUE");
    BigDecimal total = a.result().rows().stream().map(r -> new BigDecimal(String.valueOf(r.get(1))))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(total.subtract(expected).abs()).isLessThan(new BigDecimal("0.5")); // each source rounded to 0.1
  }

  @Test
  void should_fall_through_to_the_compiler_when_the_question_is_not_a_trusted_pattern() {
    AgentAnswer a = agent.answer(AgentRequest.of("¿Cuál es la potencia instalada por región?"), AnswerListener.NONE);

    assertThat(a.mode()).isEqualTo(AgentAnswer.SEMANTIC);
  }

  @Test
  void should_answer_a_day_and_a_year_like_the_file_when_date_and_integer_parameters_are_typed() throws Exception {
    BigDecimal industrias2023 = BigDecimal.ZERO;
    String demanda = null;
    for (String[] r : SemanticAnswersTest.csv("Cammesa_res.csv", java.nio.charset.Charset.forName("ISO-8859-1"), ";")) {
      java.time.LocalDate d = java.time.LocalDate.parse(r[2].strip(), SemanticAnswersTest.DMY);
      if (d.getYear() == 2023) {
        industrias2023 = industrias2023.add(new BigDecimal(r[9].strip()));
      }
      if (d.equals(java.time.LocalDate.of(2023, 7, 15))) {
        demanda = r[6].strip();
      }
    }

    AgentAnswer day = ask("Demanda del distribuidor el 15/07/2023");
    AgentAnswer year = ask("¿Cuál fue la demanda total de industrias en 2023?");

    String expectedDay = demanda;
    assertThat(day.result().rows()).singleElement().satisfies(row ->
        assertThat(new BigDecimal(String.valueOf(row.get(1)))).isEqualByComparingTo(new BigDecimal(expectedDay)));
    assertThat(new BigDecimal(String.valueOf(year.result().rows().get(0).get(0))))
        .isEqualByComparingTo(industrias2023.setScale(1, java.math.RoundingMode.HALF_UP));
    assertThat(year.answer()).contains("Parámetros: anio = 2023");
  }
}
