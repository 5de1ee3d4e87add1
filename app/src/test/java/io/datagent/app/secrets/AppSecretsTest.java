package io.datagent.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.app.LoopbackServer;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The App's start-up read of its optional secrets, against a loopback workspace that answers
 * {@code GET /api/2.0/secrets/get} as Databricks does (base64 value; RESOURCE_DOES_NOT_EXIST for a key not put).
 */
class AppSecretsTest {

  private static final String SCOPE = "datagent_dev_ana";
  private static final Map<String, String> VALUES = Map.of("llm-api-key", "sk-loopback", "smtp-password", "correo-clave",
      "webhook-secret", "gancho-clave");

  /** A workspace whose scope holds every secret except those in {@code absent}. */
  private static LoopbackServer workspace(Set<String> absent) {
    return new LoopbackServer(r -> {
      if (!r.path().equals("/api/2.0/secrets/get")) {
        return notFound("ENDPOINT_NOT_FOUND", "No API found");
      }
      Map<String, String> q = query(r.query());
      String key = q.get("key");
      if (!SCOPE.equals(q.get("scope")) || absent.contains(key) || !VALUES.containsKey(key)) {
        return notFound("RESOURCE_DOES_NOT_EXIST", "Secret does not exist with scope: " + q.get("scope") + " and key: " + key);
      }
      return LoopbackServer.Reply.json("{\"key\":\"" + key + "\",\"value\":\""
          + Base64.getEncoder().encodeToString(VALUES.get(key).getBytes(StandardCharsets.UTF_8)) + "\"}");
    });
  }

  private static LoopbackServer.Reply notFound(String code, String message) {
    return new LoopbackServer.Reply(404, "application/json",
        ("{\"error_code\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    for (String kv : raw == null ? new String[0] : raw.split("&")) {
      String[] p = kv.split("=", 2);
      q.put(p[0], p.length > 1 ? java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
    }
    return q;
  }

  private static SecretScope scope(LoopbackServer ws) {
    return new WorkspaceSecretScope(new Platform(PlatformConfig.pat(ws.url(), "app-sp-token")).secrets(), SCOPE);
  }

  static Stream<AppSecret> secrets() {
    return AppSecret.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("secrets")
  void should_start_with_the_other_secrets_and_name_the_missing_one_when_one_was_never_put(AppSecret absent) {
    try (LoopbackServer ws = workspace(Set.of(absent.key()))) {
      // when
      AppSecrets read = AppSecrets.resolve(Map.of("DATAGENT_CATALOG", "main"), scope(ws));

      // then
      assertThat(read.environment()).doesNotContainKey(absent.variable()).containsEntry("DATAGENT_CATALOG", "main");
      for (AppSecret other : AppSecret.ALL) {
        if (!other.equals(absent)) {
          assertThat(read.environment()).containsEntry(other.variable(), VALUES.get(other.key()));
        }
      }
      assertThat(read.missing()).singleElement().asString()
          .contains("Falta el secret " + absent.key(), SCOPE, absent.withoutIt(),
              "databricks secrets put-secret " + SCOPE + " " + absent.key(), "reinicie la App");
      assertThat(ws.received).allMatch(r -> "Bearer app-sp-token".equals(r.authorization()) || !r.path().startsWith("/api/2.0/secrets"));
    }
  }

  @Test
  void should_start_with_every_secret_missing_when_none_was_put_on_a_first_deploy() {
    try (LoopbackServer ws = workspace(VALUES.keySet())) {
      AppSecrets read = AppSecrets.resolve(Map.of(), scope(ws));

      assertThat(read.environment()).doesNotContainKeys("OPENAI_API_KEY", "DATAGENT_SMTP_PASSWORD",
          "DATAGENT_MONITOR_WEBHOOK_SECRET");
      assertThat(read.missing()).hasSize(3);
    }
  }

  @Test
  void should_pick_up_a_secret_put_after_the_first_start_when_the_app_restarts() {
    Set<String> absent = new java.util.HashSet<>(Set.of("webhook-secret"));
    try (LoopbackServer ws = workspace(absent)) {
      assertThat(AppSecrets.resolve(Map.of(), scope(ws)).environment()).doesNotContainKey("DATAGENT_MONITOR_WEBHOOK_SECRET");

      // when: an engineer puts it, then the App restarts (a new start reads the scope again)
      absent.clear();
      AppSecrets restarted = AppSecrets.resolve(Map.of(), scope(ws));

      // then
      assertThat(restarted.environment()).containsEntry("DATAGENT_MONITOR_WEBHOOK_SECRET", "gancho-clave");
      assertThat(restarted.missing()).isEmpty();
    }
  }

  @Test
  void should_keep_a_value_already_in_the_environment_and_say_why_when_the_scope_cannot_be_read() {
    try (LoopbackServer ws = new LoopbackServer(r -> new LoopbackServer.Reply(403, "application/json",
        "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"User does not have READ permission on scope datagent_dev_ana\"}"
            .getBytes(StandardCharsets.UTF_8)))) {
      AppSecrets read = AppSecrets.resolve(Map.of("OPENAI_API_KEY", "from-env"), scope(ws));

      assertThat(read.environment()).containsEntry("OPENAI_API_KEY", "from-env");
      assertThat(read.missing()).hasSize(2).allSatisfy(line -> assertThat(line).contains("no se pudo leer", "READ permission"));
      assertThat(ws.received.stream().map(r -> query(r.query()).get("key")).collect(Collectors.toSet()))
          .as("a secret already in the environment is not read").doesNotContain("llm-api-key");
    }
  }

  @Test
  void should_name_every_secret_as_missing_when_deployed_without_a_scope() {
    assertThat(AppSecrets.withoutScope(Map.of("DATAGENT_SMTP_PASSWORD", "x")).missing()).hasSize(2)
        .noneMatch(l -> l.contains("smtp-password"));
  }
}
