package io.datagent.app.roles;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.app.TestAgent;
import io.datagent.app.TestApp;
import io.datagent.app.TestData;
import io.datagent.app.TestPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Engineers' routes on the real App: anyone else is refused before the route runs, and the refusal is recorded. */
class EngineersOnlyTest {

  static TestApp app;
  static DataSource db;
  static final AtomicInteger labelled = new AtomicInteger();
  static final AtomicInteger webhooks = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    db = TestPostgres.freshDatabase();
    EngineersOnly guard = EngineersOnly.monitor(Engineers.listed("ingeniera@empresa.es, Otro@Empresa.es"), db);
    app = new TestApp(new TestAgent(), TestData.catalog(), new TestData.InstantIngestion(), false, 10_000, db,
        List.of(guard, javalin -> {
          javalin.post("/api/monitor/decisions/{id}/label", ctx -> ctx.result("ok " + labelled.incrementAndGet()));
          javalin.get("/api/monitor/status", ctx -> ctx.result("estado"));
          javalin.post("/api/monitor/webhook", ctx -> ctx.result("ok " + webhooks.incrementAndGet()));
        }));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void reset() {
    labelled.set(0);
    webhooks.set(0);
  }

  @Test
  void should_refuse_a_business_user_with_403_and_change_nothing_when_labelling_a_decision() throws Exception {
    long before = refusals();
    HttpResponse<String> res = app.as("negocio@empresa.es").postJson("/api/monitor/decisions/7/label", "{\"correct\":true}");
    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(res.body()).contains(EngineersOnly.MESSAGE.substring(0, 40));
    assertThat(labelled).hasValue(0);
    assertThat(refusals()).isEqualTo(before + 1);
    assertThat(app.as("negocio@empresa.es").get("/api/monitor/status").statusCode()).isEqualTo(403);
    assertThat(app.as("negocio@empresa.es").get("/api/monitor/status/").statusCode()).isEqualTo(403);
  }

  @Test
  void should_let_a_listed_engineer_through_whatever_the_case_of_the_email() {
    assertThat(app.as("ingeniera@empresa.es").postJson("/api/monitor/decisions/7/label", "{}").statusCode()).isEqualTo(200);
    assertThat(app.as("otro@empresa.es").get("/api/monitor/status").statusCode()).isEqualTo(200);
    assertThat(labelled).hasValue(1);
  }

  @Test
  void should_tell_each_user_whether_they_are_an_engineer_so_pages_show_the_monitor_link() {
    assertThat(app.as("ingeniera@empresa.es").get("/api/me/roles").body()).contains("\"engineer\":true");
    assertThat(app.as("negocio@empresa.es").get("/api/me/roles").body()).contains("\"engineer\":false");
  }

  @Test
  void should_leave_the_webhook_and_the_rest_of_the_app_to_everyone() {
    assertThat(app.as("negocio@empresa.es").postJson("/api/monitor/webhook", "{}").statusCode()).isEqualTo(200);
    assertThat(webhooks).hasValue(1);
    assertThat(app.as("negocio@empresa.es").get("/api/tables").statusCode()).isEqualTo(200);
  }

  @Test
  void should_not_be_fooled_by_doubled_slashes_in_the_path() {
    assertThat(app.as("negocio@empresa.es").postJson("//api/monitor//decisions/7/label", "{}").statusCode()).isIn(400, 403, 404);
    assertThat(labelled).hasValue(0);
  }

  private static long refusals() throws Exception {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM app.access_refusals WHERE user_email = 'negocio@empresa.es'")) {
      r.next();
      return r.getLong(1);
    }
  }
}
