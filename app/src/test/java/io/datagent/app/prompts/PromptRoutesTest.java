package io.datagent.app.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.prompt.PromptSource;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.app.TestApp;
import io.datagent.app.TestData;
import io.datagent.app.roles.Engineers;
import io.datagent.app.roles.EngineersOnly;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The prompt versions on the real App: the Monitor page's API (engineers only, Spanish errors), and every question's
 * trace recording the registry version that answered, picked up from the production alias within the refresh.
 */
class PromptRoutesTest {

  static final String ENGINEER = "ingeniera@empresa.es";
  static final ObjectMapper JSON = new ObjectMapper();

  final TestClock clock = new TestClock();
  DataSource db;
  AgentPrompts prompts;
  TestApp app;

  /** Answers like the LLM agent: with the instructions its prompt source serves now, whose version it reports. */
  record PromptedAgent(PromptSource prompts) implements Agent {
    @Override
    public AgentAnswer answer(AgentRequest request, AnswerListener listener) {
      PromptSource.Served s = prompts.current();
      return new AgentAnswer("Respuesta con " + s.label(), AgentAnswer.LLM, List.of(), List.of(), null, null, List.of(), 3, 10,
          5, null, s.version());
    }
  }

  void start(Agent agent) throws java.io.IOException {
    app = new TestApp(agent, TestData.catalog(), new TestData.InstantIngestion(), false, 10_000, db,
        List.of(EngineersOnly.monitor(Engineers.listed(ENGINEER), db), prompts.routes()));
  }

  @BeforeEach
  void setUp() {
    db = io.datagent.app.TestPostgres.freshDatabase();
    PromptRegistry registry = new PostgresPromptRegistry(db, clock);
    prompts = new AgentPrompts(registry, db,
        new AgentPrompts.Config(AgentPrompts.Config.POSTGRES, "datagent_system_prompt", Duration.ofSeconds(30)), clock);
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void should_record_the_prompt_version_that_answered_and_follow_a_promotion_within_the_refresh() throws Exception {
    start(new PromptedAgent(prompts.source()));
    JsonNode first = JSON.readTree(app.as("ana@empresa.es").postJson("/api/ask", "{\"question\":\"potencia\"}").body());
    int v2 = new PostgresPromptRegistry(db, clock).register("datagent_system_prompt", "Instrucciones v2", ENGINEER, "b");

    HttpResponse<String> promoted = app.as(ENGINEER).postJson("/api/monitor/prompts/versions/" + v2 + "/promote", "");
    clock.advance(Duration.ofSeconds(31));
    JsonNode second = JSON.readTree(app.as("ana@empresa.es").postJson("/api/ask", "{\"question\":\"potencia\"}").body());

    assertThat(promoted.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(promoted.body()).path("message").asText()).contains("apunta ahora a la versión 2 (antes 1)");
    assertThat(promptVersion(first.path("traceId").asText())).isEqualTo(1);
    assertThat(promptVersion(second.path("traceId").asText())).isEqualTo(2);
  }

  @Test
  void should_record_no_prompt_version_when_no_model_answered() throws Exception {
    start(new io.datagent.app.TestAgent());

    JsonNode a = JSON.readTree(app.as("ana@empresa.es").postJson("/api/ask", "{\"question\":\"potencia\"}").body());

    assertThat(promptVersion(a.path("traceId").asText())).isNull();
  }

  @Test
  void should_list_versions_promote_and_roll_back_for_an_engineer() throws Exception {
    start(new PromptedAgent(prompts.source()));
    app.as(ENGINEER).get("/api/monitor/prompts"); // the first look seeds the bundled prompt as version 1
    new PostgresPromptRegistry(db, clock).register("datagent_system_prompt", "Instrucciones v2", ENGINEER, "más breve");

    JsonNode listing = JSON.readTree(app.as(ENGINEER).get("/api/monitor/prompts").body());
    app.as(ENGINEER).postJson("/api/monitor/prompts/versions/2/promote", "{\"alias\":\"production\"}");
    HttpResponse<String> back = app.as(ENGINEER).postJson("/api/monitor/prompts/rollback", "");
    JsonNode after = JSON.readTree(app.as(ENGINEER).get("/api/monitor/prompts").body());

    assertThat(listing.path("versions")).hasSize(2);
    assertThat(listing.path("production").asInt()).isEqualTo(1);
    assertThat(listing.path("versions").get(0).path("hash").asText()).hasSize(12);
    assertThat(listing.path("versions").get(0).path("message").asText()).isEqualTo("más breve");
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(after.path("production").asInt()).isEqualTo(1);
    assertThat(after.path("changes").get(0).path("kind").asText()).isEqualTo("rollback");
    assertThat(after.path("changes").get(0).path("change").path("by").asText()).isEqualTo(ENGINEER);
  }

  @Test
  void should_answer_in_spanish_and_change_nothing_when_the_request_is_wrong_or_not_allowed() throws Exception {
    start(new PromptedAgent(prompts.source()));
    app.as(ENGINEER).get("/api/monitor/prompts");

    HttpResponse<String> missing = app.as(ENGINEER).postJson("/api/monitor/prompts/versions/9/promote", "");
    HttpResponse<String> notNumber = app.as(ENGINEER).postJson("/api/monitor/prompts/versions/dos/promote", "");
    HttpResponse<String> alias = app.as(ENGINEER).postJson("/api/monitor/prompts/versions/1/promote", "{\"alias\":\"beta\"}");
    HttpResponse<String> nothingBefore = app.as(ENGINEER).postJson("/api/monitor/prompts/rollback", "");
    HttpResponse<String> business = app.as("negocio@empresa.es").postJson("/api/monitor/prompts/versions/1/promote", "");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).path("error").asText()).contains("No existe la versión 9");
    assertThat(notNumber.statusCode()).isEqualTo(400);
    assertThat(alias.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(alias.body()).path("error").asText()).contains("Alias desconocido");
    assertThat(nothingBefore.statusCode()).isEqualTo(409);
    assertThat(business.statusCode()).isEqualTo(403);
    assertThat(app.as("negocio@empresa.es").get("/api/monitor/prompts").statusCode()).isEqualTo(403);
    assertThat(app.as("negocio@empresa.es").postJson("/api/monitor/prompts/rollback", "").statusCode()).isEqualTo(403);
    assertThat(count("SELECT count(*) FROM app.prompt_alias_changes")).isEqualTo(1); // the seed only
  }

  Integer promptVersion(String traceId) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT prompt_version FROM app.traces WHERE id = '" + traceId + "'")) {
      assertThat(rs.next()).as("trace %s recorded", traceId).isTrue();
      int v = rs.getInt(1);
      return rs.wasNull() ? null : v;
    }
  }

  long count(String sql) throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
