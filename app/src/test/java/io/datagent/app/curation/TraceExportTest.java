package io.datagent.app.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.app.TestAgent;
import io.datagent.app.TestApp;
import io.datagent.app.TestData;
import io.datagent.app.TestPostgres;
import io.datagent.app.roles.Engineers;
import io.datagent.app.roles.EngineersOnly;
import io.datagent.app.tuning.AgentTuningStore;
import io.datagent.retrieval.lucene.LuceneRetriever.Tuning;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Curation on the real App: rated traces as JSON Lines for engineers only, and the promoted retrieval tuning. */
class TraceExportTest {

  static final String ENGINEER = "ingeniera@empresa.es";
  static final ObjectMapper JSON = new ObjectMapper();

  DataSource db;
  TestApp app;

  @BeforeEach
  void setUp() throws Exception {
    db = TestPostgres.freshDatabase();
    app = new TestApp(new TestAgent(), TestData.catalog(), new TestData.InstantIngestion(), false, 10_000, db,
        List.of(EngineersOnly.monitor(Engineers.listed(ENGINEER), db), new TraceExportRoutes(new TraceExport(db))));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void should_export_only_rated_traces_with_their_label_to_engineers() throws Exception {
    String good = ask("¿potencia total?");
    String bad = ask("¿potencia de ABRO?");
    ask("¿sin valorar?");
    rate(good, 5, "correcta");
    rate(bad, 1, "cifra equivocada");

    HttpResponse<String> export = app.as(ENGINEER).get("/api/monitor/traces/export?since=2000-01-01T00:00:00Z");
    HttpResponse<String> business = app.as("negocio@empresa.es").get("/api/monitor/traces/export");
    HttpResponse<String> badDate = app.as(ENGINEER).get("/api/monitor/traces/export?since=ayer");

    assertThat(export.statusCode()).isEqualTo(200);
    List<JsonNode> lines = export.body().lines().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(lines).extracting(l -> l.path("trace_id").asText()).containsExactlyInAnyOrder(good, bad);
    JsonNode first = lines.stream().filter(l -> l.path("trace_id").asText().equals(good)).findFirst().orElseThrow();
    assertThat(first.path("label").asText()).isEqualTo("positivo");
    assertThat(first.path("messages").get(0).path("content").asText()).isEqualTo("¿potencia total?");
    assertThat(first.path("messages").get(1).path("role").asText()).isEqualTo("assistant");
    assertThat(lines).filteredOn(l -> l.path("trace_id").asText().equals(bad))
        .singleElement().satisfies(l -> assertThat(l.path("label").asText()).isEqualTo("negativo"));
    assertThat(business.statusCode()).isEqualTo(403);
    assertThat(badDate.statusCode()).isEqualTo(400);
  }

  @Test
  void should_serve_the_newest_promoted_tuning_and_the_default_before_any() {
    AgentTuningStore store = new AgentTuningStore(db);
    Tuning before = store.currentOrDefault();
    Tuning tuned = new Tuning(50, 20, 1.0, 0.2, 1.0);

    store.promote(tuned, "datagent-optimize", "prueba", 0.5, 0.6);

    assertThat(before).isEqualTo(Tuning.DEFAULT);
    assertThat(store.currentOrDefault()).isEqualTo(tuned);
  }

  String ask(String q) throws Exception {
    return JSON.readTree(app.as("ana@empresa.es").postJson("/api/ask", JSON.writeValueAsString(java.util.Map.of("question", q)))
        .body()).path("traceId").asText();
  }

  void rate(String traceId, int rating, String comment) throws Exception {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO app.feedback (trace_id, user_email, rating, comment) VALUES (?, 'ana@empresa.es', ?, ?)")) {
      ps.setObject(1, UUID.fromString(traceId));
      ps.setInt(2, rating);
      ps.setString(3, comment);
      ps.executeUpdate();
    }
  }
}
