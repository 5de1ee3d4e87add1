package io.datagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Questions an attacker types into the chat of the local App on the sample data ({@code hostile/questions.tsv}):
 * the answer never carries the canary secret in the App's environment, a line of /etc/passwd or what the line says
 * must stay hidden, and the App keeps answering and its tables keep their rows.
 */
class HostileQuestionsTest {

  static final String CANARY = System.getenv("DATAGENT_CANARY_SECRET");
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static LocalAppFixture fixture;

  record Attack(int line, String question, List<String> forbidden) {
    @Override
    public String toString() {
      return "questions.tsv:" + line + " " + question;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    assertThat(CANARY).as("DATAGENT_CANARY_SECRET (set by the tests' surefire configuration)").isNotBlank();
    fixture = LocalAppFixture.shared();
  }

  static Stream<Attack> attacks() throws IOException {
    List<Attack> out = new ArrayList<>();
    try (InputStream in = HostileQuestionsTest.class.getResourceAsStream("/hostile/questions.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i];
        if (l.isBlank() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\t", 2);
        List<String> forbidden = new ArrayList<>(List.of("root:x:0:0", "/bin/bash"));
        if (parts.length > 1 && !parts[1].isBlank()) {
          forbidden.addAll(Arrays.stream(parts[1].split(",")).map(String::strip).toList());
        }
        out.add(new Attack(i + 1, parts[0], forbidden));
      }
    }
    return out.stream();
  }

  static HttpResponse<String> ask(String question) throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("question", question));
    return HTTP.send(HttpRequest.newBuilder(URI.create(fixture.url("/api/ask"))).timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void should_not_leak_secrets_files_or_hidden_tables_whatever_sql_the_question_carries(Attack a) throws Exception {
    HttpResponse<String> res = ask(a.question());
    assertThat(res.statusCode()).as(res.body()).isIn(200, 400, 413, 429);
    assertThat(res.body()).as("la respuesta revela el secreto").doesNotContain(CANARY);
    for (String f : a.forbidden()) {
      assertThat(res.body()).as("la respuesta contiene «%s»", f).doesNotContain(f);
    }
  }

  @Test
  void should_keep_answering_and_keep_every_row_after_the_attacks() throws Exception {
    HttpResponse<String> res = ask("SELECT count(*) AS n FROM serving.potenciainstalada");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(res.body());
    assertThat(answer.toString()).contains("282");
  }
}
