package io.datagent.jobmonitor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.jobmonitor.Configs;
import io.datagent.jobmonitor.config.Classifiers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-collected real failure texts (Spark, Delta, Databricks, IngestJob's Spanish messages) and their category. */
class RealFailuresTest {

  private static final TriageClassifier CLASSIFIER = Classifiers.rulesOnly(Configs.shipped(), ErrorCatalog.load());

  static Stream<JsonNode> cases() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        RealFailuresTest.class.getResourceAsStream("/io/datagent/jobmonitor/triage/real-failures.jsonl"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(new ObjectMapper().readTree(line));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_classify_real_failure_texts_when_read_from_the_collection(JsonNode c) {
    // given a real failure text, with the run's termination details when the case has them
    Failure f = new Failure(text(c, "termination_code"), text(c, "result_state"), text(c, "state_message"),
        text(c, "text"), null, null);

    // when
    Classification result = CLASSIFIER.classify(f);

    // then
    assertThat(result.category().id()).as(c.get("id").asText() + " " + result.evidence()).isEqualTo(c.get("expected").asText());
    assertThat(result.confidence()).isGreaterThanOrEqualTo(CLASSIFIER.confidentAt());
    assertThat(result.evidence()).isNotEmpty();
    assertThat(result.explanation()).isNotBlank();
  }

  private static String text(JsonNode n, String key) {
    return n.hasNonNull(key) && !n.get(key).asText().isEmpty() ? n.get(key).asText() : null;
  }
}
