package io.datagent.jobmonitor.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.jobmonitor.Configs;
import io.datagent.jobmonitor.classify.ErrorCatalog;
import io.datagent.jobmonitor.config.Classifiers;
import io.datagent.jobmonitor.config.MonitorConfig;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriageStreamTest {

  private final MonitorConfig cfg = Configs.shipped();
  private final TriageStream stream = new TriageStream(Classifiers.rulesOnly(cfg, ErrorCatalog.load()), cfg.policies());

  private List<JsonNode> run(String input) throws Exception {
    StringWriter out = new StringWriter();
    stream.run(new BufferedReader(new StringReader(input)), new PrintWriter(out), null);
    ObjectMapper m = new ObjectMapper();
    return out.toString().lines().map(l -> {
      try {
        return m.readTree(l);
      } catch (Exception e) {
        throw new IllegalStateException(l, e);
      }
    }).toList();
  }

  @Test
  void should_print_one_json_line_when_the_input_is_one_plain_text() throws Exception {
    List<JsonNode> out = run("java.lang.OutOfMemoryError: Java heap space\n\tat x.Y.z(Y.java:1)\n");
    assertThat(out).hasSize(1);
    assertThat(out.get(0).get("category").asText()).isEqualTo("resource");
    assertThat(out.get(0).get("action").asText()).isEqualTo("RETRY_WITH_NEW_PARAMS");
    assertThat(out.get(0).get("confidence").asDouble()).isGreaterThanOrEqualTo(0.8);
    assertThat(out.get(0).get("evidence").get(0).get("ref").asText()).isEqualTo("java.lang.OutOfMemoryError");
  }

  @Test
  void should_print_one_line_per_object_keeping_ids_when_the_input_is_json_lines() throws Exception {
    List<JsonNode> out = run("""
        {"id": 1, "text": "java.net.ConnectException: Connection refused"}
        {"id": "b", "text": "La ingesta terminó con archivos con error:\\n  - a.csv: el archivo está vacío"}

        no es json
        {"id": 3, "text": "", "termination_code": "USER_CANCELED"}
        """);
    assertThat(out).hasSize(4);
    assertThat(out.get(0).get("id").asInt()).isEqualTo(1);
    assertThat(out.get(0).get("action").asText()).isEqualTo("RETRY");
    assertThat(out.get(1).get("category").asText()).isEqualTo("data");
    assertThat(out.get(1).get("action").asText()).isEqualTo("SEND_EMAIL");
    assertThat(out.get(2).has("error")).isTrue();
    assertThat(out.get(3).get("action").asText()).isEqualTo("IGNORE");
  }

  @Test
  void should_print_nothing_when_the_input_is_empty() throws Exception {
    assertThat(run("\n\n")).isEmpty();
  }
}
