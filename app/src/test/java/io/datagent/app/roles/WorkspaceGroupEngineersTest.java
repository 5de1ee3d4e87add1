package io.datagent.app.roles;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.app.LoopbackServer;
import io.datagent.app.web.Identity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;

/** Group membership read from a loopback server that answers the SCIM current-user API as a workspace does. */
class WorkspaceGroupEngineersTest {

  static final String ME = "/api/2.0/preview/scim/v2/Me";

  static String user(String email, String... groups) {
    StringBuilder g = new StringBuilder();
    for (String name : groups) {
      g.append(g.length() == 0 ? "" : ",").append("{\"display\":\"").append(name)
          .append("\",\"type\":\"direct\",\"value\":\"1234\",\"$ref\":\"Groups/1234\"}");
    }
    return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"id\":\"42\",\"userName\":\"" + email
        + "\",\"active\":true,\"emails\":[{\"value\":\"" + email + "\",\"primary\":true,\"type\":\"work\"}],\"groups\":[" + g + "]}";
  }

  /** What a workspace answers on paths this test does not serve (the SDK also asks for host metadata). */
  static LoopbackServer.Reply notFound() {
    return new LoopbackServer.Reply(404, "application/json",
        "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"No API found\"}".getBytes(StandardCharsets.UTF_8));
  }

  /** The App's platform on the loopback workspace; the service principal's token is never used for this lookup. */
  static Platform platform(LoopbackServer ws) {
    return new Platform(PlatformConfig.pat(ws.url(), "sp-token"));
  }

  static long asked(LoopbackServer ws) {
    return ws.received.stream().filter(r -> r.path().equals(ME)).count();
  }

  @Test
  void should_include_a_member_of_the_group_asking_with_the_users_own_token_and_ask_once() {
    try (LoopbackServer ws = new LoopbackServer(r -> !r.path().equals(ME) ? notFound() : LoopbackServer.Reply.json(user("ing@empresa.es", "users", "Datagent-Engineers")))) {
      Engineers engineers = new WorkspaceGroupEngineers(platform(ws), "datagent-engineers", Duration.ofMinutes(5));
      Identity who = new Identity("ing@empresa.es", "Ing", "dapi-user-token");
      assertThat(engineers.includes(who)).isTrue();
      assertThat(engineers.includes(who)).isTrue();
      assertThat(asked(ws)).isEqualTo(1);
      LoopbackServer.Received me = ws.received.stream().filter(r -> r.path().equals(ME)).findFirst().orElseThrow();
      assertThat(me.method()).isEqualTo("GET");
      assertThat(me.authorization()).isEqualTo("Bearer dapi-user-token");
    }
  }

  @Test
  void should_exclude_a_user_outside_the_group_and_one_without_a_forwarded_token() {
    try (LoopbackServer ws = new LoopbackServer(r -> !r.path().equals(ME) ? notFound() : LoopbackServer.Reply.json(user("negocio@empresa.es", "users", "datagent-users")))) {
      Engineers engineers = new WorkspaceGroupEngineers(platform(ws), "datagent-engineers", Duration.ofMinutes(5));
      assertThat(engineers.includes(new Identity("negocio@empresa.es", "N", "tok"))).isFalse();
      assertThat(engineers.includes(new Identity("negocio@empresa.es", "N", null))).isFalse();
      assertThat(asked(ws)).isEqualTo(1);
    }
  }

  @Test
  void should_exclude_when_the_workspace_refuses_the_token() {
    String error = "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"Invalid scope\"}";
    try (LoopbackServer ws = new LoopbackServer(r -> !r.path().equals(ME) ? notFound() : new LoopbackServer.Reply(403, "application/json",
        error.getBytes(StandardCharsets.UTF_8)))) {
      Engineers engineers = new WorkspaceGroupEngineers(platform(ws), "datagent-engineers", Duration.ofMinutes(5));
      assertThat(engineers.includes(new Identity("ing@empresa.es", "Ing", "expired"))).isFalse();
    }
  }

  @Test
  void should_retry_after_a_429_and_then_include_the_member() {
    AtomicInteger calls = new AtomicInteger();
    String limited = "{\"error_code\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"rate limit\"}";
    try (LoopbackServer ws = new LoopbackServer(r -> !r.path().equals(ME) ? notFound() : calls.incrementAndGet() == 1
        ? new LoopbackServer.Reply(429, "application/json", limited.getBytes(StandardCharsets.UTF_8))
        : LoopbackServer.Reply.json(user("ing@empresa.es", "datagent-engineers")))) {
      Engineers engineers = new WorkspaceGroupEngineers(platform(ws), "datagent-engineers", Duration.ofMinutes(5));
      assertThat(engineers.includes(new Identity("ing@empresa.es", "Ing", "tok"))).isTrue();
      assertThat(calls).hasValue(2);
    }
  }
}
