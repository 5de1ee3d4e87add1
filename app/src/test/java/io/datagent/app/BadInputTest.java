package io.datagent.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whatever a user or a script sends, the web layer refuses or degrades: never a 500. */
class BadInputTest {

  static TestApp app;

  @BeforeAll
  static void start() throws Exception {
    app = new TestApp(new TestAgent(), TestData.catalog(), new TestData.InstantIngestion(), false, 10_000);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static void assertRefused(HttpResponse<String> res, int status) {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    assertThat(res.body()).contains("\"error\"");
  }

  @Test
  void should_refuse_with_400_when_the_question_is_empty_or_blank() {
    assertRefused(app.postJson("/api/ask", "{\"question\":\"\"}"), 400);
    assertRefused(app.postJson("/api/ask", "{\"question\":\"   \"}"), 400);
    assertRefused(app.postJson("/api/ask", "{}"), 400);
    assertRefused(app.postJson("/api/ask/stream", "{\"question\":\"\"}"), 400);
  }

  @Test
  void should_refuse_with_413_when_the_question_is_100_kb() {
    String huge = "a".repeat(100 * 1024);
    assertRefused(app.postJson("/api/ask", "{\"question\":\"" + huge + "\"}"), 413);
    assertRefused(app.postJson("/api/ask/stream", "{\"question\":\"" + huge + "\"}"), 413);
  }

  @Test
  void should_refuse_with_413_when_the_body_is_over_a_megabyte() {
    assertRefused(app.postJson("/api/ask", "{\"question\":\"" + "b".repeat(2_000_000) + "\"}"), 413);
  }

  @Test
  void should_refuse_with_400_when_the_json_is_malformed_or_of_the_wrong_shape() {
    assertRefused(app.postJson("/api/ask", "{\"question\": "), 400);
    assertRefused(app.postJson("/api/ask", "[1,2]"), 400);
    assertRefused(app.postJson("/api/ask", "{\"question\": 42}"), 400);
    assertRefused(app.postJson("/api/ask", "{\"question\":\"x\",\"conversationId\":\"no-es-uuid\"}"), 400);
    assertRefused(app.postJson("/api/ask", ""), 400);
    assertRefused(app.postJson("/api/feedback", "{\"traceId\":\"" + java.util.UUID.randomUUID() + "\",\"rating\":9}"), 400);
    assertRefused(app.postJson("/api/feedback", "{\"rating\":\"up\"}"), 400);
  }

  @Test
  void should_refuse_with_415_when_the_body_is_not_json() {
    assertRefused(app.post("/api/ask", "text/plain", "hola".getBytes(StandardCharsets.UTF_8)), 415);
  }

  @Test
  void should_answer_404_in_json_when_the_route_or_the_thing_is_unknown() {
    assertRefused(app.get("/api/no-existe"), 404);
    assertRefused(app.get("/api/conversations/no-es-uuid"), 404);
    assertRefused(app.get("/api/conversations/" + java.util.UUID.randomUUID()), 404);
    assertRefused(app.get("/api/uploads/" + java.util.UUID.randomUUID()), 404);
    assertRefused(app.get("/api/tables/no_existe"), 404);
    assertRefused(app.get("/api/tables/no_existe/preview"), 404);
    assertRefused(app.delete("/api/conversations/" + java.util.UUID.randomUUID()), 404);
    assertThat(app.get("/no/existe").statusCode()).isEqualTo(404);
  }

  @Test
  void should_refuse_uploads_that_are_too_large_of_the_wrong_type_or_empty() {
    assertRefused(app.upload("grande.csv", ("a;b\n" + "1;2\n".repeat(5000)).getBytes(StandardCharsets.UTF_8), null), 413);
    assertRefused(app.upload("programa.exe", "MZ...".getBytes(StandardCharsets.UTF_8), null), 415);
    assertRefused(app.upload("foto.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}, null), 415);
    assertRefused(app.upload("libro.xlsx", "esto no es un zip".getBytes(StandardCharsets.UTF_8), null), 415);
    assertRefused(app.upload("vacio.csv", new byte[0], null), 400);
    assertRefused(app.upload("datos.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8), "!!!"), 400);
    assertRefused(app.post("/api/uploads", "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 415);
    assertRefused(app.post("/api/uploads", "multipart/form-data; boundary=xyz", "basura".getBytes(StandardCharsets.UTF_8)), 400);
  }

  @Test
  void should_answer_and_keep_the_history_when_the_question_carries_nul_or_control_characters() throws Exception {
    HttpResponse<String> res = app.postJson("/api/ask", "{\"question\":\"potencia\\u0000 por\\u0007 región\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(res.body()).path("conversationId").asText();
    HttpResponse<String> history = app.get("/api/conversations/" + id);
    assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    assertThat(history.body()).contains("potencia por región").doesNotContain("\\u0000");
  }

  @Test
  void should_answer_400_when_the_body_ends_before_its_content_length() throws Exception {
    java.net.URI uri = java.net.URI.create(app.url("/api/ask"));
    try (java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort())) {
      s.setSoTimeout(10_000);
      String part = "{\"question\":\"hol";
      String head = "POST /api/ask HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: 200\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write((head + part).getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      s.shutdownOutput();
      String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 400");
    }
  }

  @Test
  void should_refuse_a_state_change_when_the_browser_marks_it_cross_site() {
    HttpResponse<String> res = app.post("/api/feedback", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(res.statusCode()).isEqualTo(400);
    // same request as a cross-site form would send it
    java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/api/ask")))
        .header("Content-Type", "application/json").header("Sec-Fetch-Site", "cross-site")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"question\":\"hola\"}")).build();
    try {
      assertThat(java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(403);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void should_send_a_strict_content_security_policy_with_pages() {
    HttpResponse<String> res = app.get("/");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    assertThat(res.body()).contains("Pregunta sobre tus datos");
    assertThat(app.get("/datos").body()).contains("Subir un archivo");
  }
}
