package io.datagent.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.testkit.FakeWorkspace;
import io.datagent.testkit.FakeWorkspace.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auth refresh, error mapping and the SDK's bounded retries, against the loopback workspace. */
class PlatformErrorsTest {

  private static final String RUNS_GET = "/api/2\\.2/jobs/runs/get";

  private final FakeWorkspace ws = new FakeWorkspace();

  @AfterEach
  void close() {
    ws.close();
  }

  private Platform oauth() {
    ws.auth().allowClient("sp-id", "sp-secret");
    return new Platform(PlatformConfig.oauth(ws.url(), "sp-id", "sp-secret"));
  }

  @Test
  void should_fetch_a_new_token_once_and_succeed_when_the_oauth_token_expired() {
    Platform p = oauth();
    ws.jobs().addRun(1, 10, "TERMINATED", "SUCCESS");
    assertThat(p.jobs().getRun(1, null).getRunId()).isEqualTo(1L);
    int before = ws.auth().tokenRequests();

    ws.auth().expireIssuedTokens();
    assertThat(p.jobs().getRun(1, null).getRunId()).isEqualTo(1L);

    assertThat(ws.auth().tokenRequests()).isEqualTo(before + 1);
    assertThat(ws.calls(RUNS_GET)).hasSize(3); // ok, 401, ok after the refresh
  }

  @Test
  void should_fail_with_401_when_the_new_token_is_refused_too() {
    Platform p = oauth();
    ws.fail(RUNS_GET, Fault.error(401, "UNAUTHENTICATED", "expired"), Fault.error(401, "UNAUTHENTICATED", "expired"));
    assertThatThrownBy(() -> p.jobs().getRun(1, null)).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.userMessage()).contains("credenciales");
    });
    assertThat(ws.calls(RUNS_GET)).hasSize(2);
  }

  @Test
  void should_explain_in_spanish_and_log_in_english_when_permission_is_denied() {
    ws.auth().allowToken("pat");
    Platform p = new Platform(PlatformConfig.pat(ws.url(), "pat"));
    ws.fail(RUNS_GET, Fault.error(403, "PERMISSION_DENIED", "User 42 does not have Can View permission on job 10"));

    assertThatThrownBy(() -> p.jobs().getRun(1, null)).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.status()).isEqualTo(403);
      assertThat(e.errorCode()).isEqualTo("PERMISSION_DENIED");
      assertThat(e.userMessage()).startsWith("No hay permiso para consultar la ejecución 1")
          .doesNotContain("Exception").doesNotContain("pat");
      assertThat(e.getMessage()).contains("get job run 1 failed (HTTP 403 PERMISSION_DENIED)")
          .contains("Can View permission");
    });
    assertThat(ws.calls(RUNS_GET)).hasSize(1);
  }

  @Test
  void should_wait_for_retry_after_and_succeed_when_throttled() {
    ws.auth().allowToken("pat");
    Platform p = new Platform(PlatformConfig.pat(ws.url(), "pat"));
    ws.jobs().addRun(1, 10, "RUNNING", null);
    ws.fail(RUNS_GET, Fault.retryAfter(429, 1));

    long t0 = System.nanoTime();
    assertThat(p.jobs().getRun(1, null).getRunId()).isEqualTo(1L);

    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(950);
    assertThat(ws.calls(RUNS_GET)).hasSize(2);
  }

  @Test
  void should_stop_after_four_attempts_when_the_service_stays_unavailable() {
    ws.auth().allowToken("pat");
    Platform p = new Platform(PlatformConfig.pat(ws.url(), "pat"));
    for (int i = 0; i < 6; i++) {
      ws.fail(RUNS_GET, Fault.retryAfter(503, 0));
    }

    assertThatThrownBy(() -> p.jobs().getRun(1, null)).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.status()).isEqualTo(503);
      assertThat(e.userMessage()).contains("no está disponible");
    });
    assertThat(ws.calls(RUNS_GET)).hasSize(4);
  }

  @Test
  void should_not_retry_a_500_on_a_call_the_sdk_does_not_know_to_be_idempotent() {
    ws.auth().allowToken("pat");
    Platform p = new Platform(PlatformConfig.pat(ws.url(), "pat"));
    ws.fail(RUNS_GET, Fault.error(500, "INTERNAL_ERROR", "boom"));

    assertThatThrownBy(() -> p.jobs().getRun(1, null)).isInstanceOf(PlatformException.class);
    assertThat(ws.calls(RUNS_GET)).hasSize(1);
  }
}
