package io.datagent.testkit;

import io.datagent.testkit.FakeWorkspace.Call;
import io.datagent.testkit.FakeWorkspace.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may call the fake workspace: personal access tokens ({@link #allowToken}) and OAuth M2M clients
 * ({@link #allowClient}), whose tokens come from {@code POST /oidc/v1/token} (client secret in Basic auth or the
 * form) and can be expired at will ({@link #expireIssuedTokens}) to test the refresh after a 401.
 */
public final class FakeAuth {

  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Map<String, String> clients = new ConcurrentHashMap<>();
  private final Map<String, Boolean> issued = new ConcurrentHashMap<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private volatile long expiresIn = 3600;

  private volatile boolean anonymous;

  /** Requests with no credentials pass too, as on an MLflow tracking server started without authentication. */
  public FakeAuth allowAnonymous() {
    anonymous = true;
    return this;
  }

  public FakeAuth allowToken(String token) {
    tokens.add(token);
    return this;
  }

  public FakeAuth allowClient(String clientId, String secret) {
    clients.put(clientId, secret);
    return this;
  }

  /** Every OAuth token issued so far is refused from now on (as if it had expired or been revoked). */
  public void expireIssuedTokens() {
    issued.replaceAll((k, v) -> Boolean.FALSE);
  }

  /** The {@code expires_in} of the next tokens, in seconds. */
  public void tokenLifetime(long seconds) {
    this.expiresIn = seconds;
  }

  /** How many times {@code /oidc/v1/token} was asked for a token. */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  void install(FakeWorkspace ws) {
    ws.route("GET", "/oidc/\\.well-known/oauth-authorization-server", (c, b) -> Reply.json(Map.of(
        "token_endpoint", ws.url() + "/oidc/v1/token", "authorization_endpoint", ws.url() + "/oidc/v1/authorize")));
    ws.route("GET", "/\\.well-known/databricks-config", (c, b) -> Reply.error(404, "NOT_FOUND", "no host metadata"));
    ws.route("POST", "/oidc/v1/token", (c, b) -> token(c));
  }

  private Reply token(Call c) {
    tokenRequests.incrementAndGet();
    String id = null;
    String secret = null;
    if (c.authorization() != null && c.authorization().startsWith("Basic ")) {
      String[] pair = new String(Base64.getDecoder().decode(c.authorization().substring(6)), StandardCharsets.UTF_8).split(":", 2);
      id = pair[0];
      secret = pair.length > 1 ? pair[1] : null;
    }
    Map<String, String> form = FakeWorkspace.query(new Call(c.method(), c.path(), c.body(), null, null));
    id = id != null ? id : form.get("client_id");
    secret = secret != null ? secret : form.get("client_secret");
    if (id == null || secret == null || !secret.equals(clients.get(id))) {
      return new Reply(401, "application/json", "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
    }
    String token = "oauth-" + id + "-" + tokenRequests.get();
    issued.put(token, Boolean.TRUE);
    return Reply.json(Map.of("access_token", token, "token_type", "Bearer", "expires_in", expiresIn, "scope", "all-apis"));
  }

  /** Null when the call may go on, else the 401 the workspace answers. */
  Reply check(Call c) {
    if (c.path().startsWith("/oidc/") || c.path().startsWith("/.well-known/")) {
      return null;
    }
    String a = c.authorization();
    if (anonymous && a == null) {
      return null;
    }
    String bearer = a != null && a.startsWith("Bearer ") ? a.substring(7) : null;
    if (bearer != null && (tokens.contains(bearer) || Boolean.TRUE.equals(issued.get(bearer)))) {
      return null;
    }
    return Reply.error(401, "UNAUTHENTICATED", bearer != null && issued.containsKey(bearer)
        ? "Token expired" : "Credential was not sent or was of an unsupported type for this API.");
  }
}
