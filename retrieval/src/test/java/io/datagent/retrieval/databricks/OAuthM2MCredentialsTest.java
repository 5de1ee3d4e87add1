package io.datagent.retrieval.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuthM2MCredentialsTest {

  @Test
  void should_fetch_a_token_once_and_reuse_it_until_it_expires() throws Exception {
    try (LoopbackWorkspace ws = new LoopbackWorkspace()) {
      // given
      ws.on("/oidc/v1/token", 200, "{\"access_token\":\"eyJ-m2m\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
      OAuthM2MCredentials creds = new OAuthM2MCredentials(ws.host(), "sp-id", "sp-secret");

      // when
      String first = creds.bearerToken();
      String second = creds.bearerToken();

      // then
      assertThat(first).isEqualTo("eyJ-m2m").isEqualTo(second);
      assertThat(ws.requests("/oidc/v1/token")).hasSize(1);
    }
  }

  @Test
  void should_explain_when_there_are_no_credentials() {
    assertThatThrownBy(() -> DatabricksCredentials.fromEnv("https://h", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DATABRICKS_TOKEN");
  }
}
