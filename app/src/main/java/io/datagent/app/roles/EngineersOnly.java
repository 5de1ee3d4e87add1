package io.datagent.app.roles;

import io.datagent.app.Refusal;
import io.datagent.app.state.PgText;
import io.datagent.app.web.Identity;
import io.datagent.app.web.RouteRegistrar;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps routes for the engineers group: anyone else gets a 403 with a Spanish message before the route runs (so
 * nothing changes), and the refusal is recorded in {@code app.access_refusals}.
 *
 * <p>Guarded: everything under the given prefixes ({@code /api/monitor}: decisions, labels, triage, runs, quality;
 * {@code /api/trusted-queries}),
 * except the exempt paths (the monitor's webhook, which Databricks calls with its own shared secret, not as a user).
 */
public final class EngineersOnly implements RouteRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(EngineersOnly.class);
  static final String MESSAGE = "Esta acción es solo para el grupo de ingenieros de datos; pide acceso a tu administrador.";

  private final Engineers engineers;
  private final DataSource state;
  private final List<String> prefixes;
  private final List<String> exempt;

  public EngineersOnly(Engineers engineers, DataSource state, List<String> prefixes, List<String> exempt) {
    this.engineers = engineers;
    this.state = state;
    this.prefixes = List.copyOf(prefixes);
    this.exempt = List.copyOf(exempt);
  }

  /** The monitor's API (its webhook excepted), the trusted queries' ({@code /api/trusted-queries}) and the benchmark items' ({@code /api/benchmarks}). */
  public static EngineersOnly monitor(Engineers engineers, DataSource state) {
    return new EngineersOnly(engineers, state, List.of("/api/monitor", "/api/trusted-queries", "/api/benchmarks"),
        List.of("/api/monitor/webhook"));
  }

  @Override
  public void register(Javalin app) {
    app.before(this::check);
    // what the pages need to know to show the engineers' links (answered to everyone, about themselves)
    app.get("/api/me/roles", ctx -> ctx.json(java.util.Map.of("engineer", engineers.includes(Identity.of(ctx)))));
  }

  boolean guarded(String path) {
    String p = path.replaceAll("/{2,}", "/");
    if (exempt.stream().anyMatch(e -> p.equals(e) || p.startsWith(e + "/"))) {
      return false;
    }
    return prefixes.stream().anyMatch(x -> p.equals(x) || p.startsWith(x + "/"));
  }

  private void check(Context ctx) {
    if (!guarded(ctx.path())) {
      return;
    }
    Identity who = Identity.of(ctx);
    if (engineers.includes(who)) {
      return;
    }
    LOG.warn("refused {} {} to {}: not in the engineers group", ctx.method(), ctx.path(), who.email());
    record(who, ctx);
    throw new Refusal(Refusal.Kind.FORBIDDEN, MESSAGE);
  }

  private void record(Identity who, Context ctx) {
    try (Connection c = state.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO app.access_refusals (user_email, method, path, role) VALUES (?, ?, ?, 'engineers')")) {
      ps.setString(1, PgText.text(who.email()));
      ps.setString(2, ctx.method().name());
      ps.setString(3, PgText.text(ctx.path()));
      ps.executeUpdate();
    } catch (SQLException e) {
      LOG.warn("could not record the refusal of {} {} to {}: {}", ctx.method(), ctx.path(), who.email(), e.toString());
    }
  }
}
