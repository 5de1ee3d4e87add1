package io.datagent.app.trusted;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.agent.sql.SqlGuard;
import io.datagent.agent.trusted.TrustedQueries;
import io.datagent.agent.trusted.TrustedQuery;
import io.datagent.app.Refusal;
import io.datagent.app.web.Identity;
import io.datagent.app.web.ItemRoutes;
import io.datagent.app.web.RouteRegistrar;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engineers' trusted queries, under {@code /api/trusted-queries} (engineers only, {@link
 * io.datagent.app.roles.EngineersOnly}):
 * <ul>
 *   <li>{@code POST} {@code {"question", "sql", "title"?, "table"?, "params": [{"name", "type", "value"}]}}: saves the
 *       answered question as a trusted query (201), or 400 with the reason (the guard's, when it refuses the SQL);</li>
 *   <li>{@code GET}: all of them; {@code DELETE /{id}}: removes one (204, or 404).</li>
 * </ul>
 */
public final class TrustedQueryRoutes implements RouteRegistrar {

  public static final String PATH = "/api/trusted-queries";

  private final TrustedQueries store;
  private final SqlGuard guard;
  private final Clock clock;

  public TrustedQueryRoutes(TrustedQueries store, SqlGuard guard, Clock clock) {
    this.store = store;
    this.guard = guard;
    this.clock = clock;
  }

  @Override
  public void register(Javalin app) {
    ItemRoutes.register(app, PATH, () -> store.list().stream().map(TrustedQueryRoutes::view).toList(), this::save,
        store::delete, "No existe esa consulta verificada.");
  }

  private void save(Context ctx) {
    JsonNode body = ItemRoutes.object(ctx);
    List<TrustedQueryDraft.Param> params = new ArrayList<>();
    for (JsonNode p : body.path("params")) {
      params.add(new TrustedQueryDraft.Param(text(p, "name"), text(p, "type"), text(p, "value")));
    }
    try {
      TrustedQuery q = TrustedQueryDraft.build(text(body, "question"), text(body, "sql"), text(body, "title"),
          text(body, "table"), params, Identity.of(ctx).email(), guard, clock.instant());
      ctx.status(201).json(view(store.save(q)));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(e.getMessage());
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() || v.isNumber() ? v.asText() : null;
  }

  static Map<String, Object> view(TrustedQuery q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", q.id());
    m.put("table", q.table());
    m.put("title", q.title());
    m.put("patterns", q.patterns());
    m.put("sql", q.sql());
    Map<String, String> params = new LinkedHashMap<>();
    q.params().forEach((k, v) -> params.put(k, v.spanish()));
    m.put("params", params);
    m.put("author", q.author());
    m.put("createdAt", q.createdAt().toString());
    return m;
  }
}
