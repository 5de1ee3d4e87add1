package io.datagent.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdentityTest {

  static TestApp databricks;
  static TestApp local;

  @BeforeAll
  static void start() throws Exception {
    databricks = new TestApp(new TestAgent(), TestData.catalog(), new TestData.InstantIngestion(), true, 1_000_000);
    local = new TestApp(new TestAgent(), TestData.catalog(), new TestData.InstantIngestion(), false, 1_000_000);
  }

  @AfterAll
  static void stop() {
    databricks.close();
    local.close();
  }

  @Test
  void should_refuse_with_401_everything_but_health_when_databricks_mode_has_no_forwarded_email() {
    databricks.as(null);
    assertThat(databricks.get("/health").statusCode()).isEqualTo(200);
    for (String path : new String[] {"/", "/datos", "/ready", "/api/me", "/api/tables", "/api/conversations", "/api/openapi.json"}) {
      assertThat(databricks.get(path).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(databricks.postJson("/api/ask", "{\"question\":\"hola\"}").statusCode()).isEqualTo(401);
  }

  @Test
  void should_show_and_record_the_forwarded_user_when_databricks_mode_has_the_header() throws Exception {
    databricks.as("maria@empresa.com");
    assertThat(databricks.get("/ready").statusCode()).isEqualTo(200);
    assertThat(databricks.get("/api/me").body()).contains("maria@empresa.com");
    String conv = new ObjectMapper().readTree(databricks.postJson("/api/ask", "{\"question\":\"hola\"}").body())
        .path("conversationId").asText();
    assertThat(databricks.get("/api/conversations").body()).contains(conv);
  }

  @Test
  void should_use_the_demo_user_when_local_mode_has_no_header() {
    local.as(null);
    assertThat(local.get("/api/me").body()).contains("demo@datagent.local");
    assertThat(local.get("/ready").statusCode()).isEqualTo(200);
  }
}
