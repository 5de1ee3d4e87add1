package io.datagent.app.web;

import io.datagent.app.state.StateDatabase;
import io.javalin.Javalin;
import java.util.Map;

/**
 * {@code /health}: the process answers (no identity needed; the platform probes it). {@code /ready}: it can do its
 * work, i.e. the state database answers; 503 otherwise.
 */
final class HealthRoutes {

  private final StateDatabase state;
  private final long uploadMaxBytes;

  HealthRoutes(StateDatabase state, long uploadMaxBytes) {
    this.state = state;
    this.uploadMaxBytes = uploadMaxBytes;
  }

  void register(Javalin app) {
    app.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
    app.get("/ready", ctx -> {
      boolean db = state.ping();
      ctx.status(db ? 200 : 503).json(Map.of("status", db ? "ready" : "not ready", "stateDatabase", db));
    });
    app.get("/api/me", ctx -> {
      Identity who = Identity.of(ctx);
      ctx.json(Map.of("email", who.email(), "name", who.name(), "uploadMaxBytes", uploadMaxBytes));
    });
  }
}
