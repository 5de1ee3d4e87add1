package io.datagent.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.agent.prompt.registry.AliasChange;
import io.datagent.agent.prompt.registry.PromptRegistry;
import io.datagent.agent.prompt.registry.PromptRegistryException;
import io.datagent.app.Refusal;
import io.datagent.app.prompts.PromptVersions;
import io.datagent.app.state.JsonCodec;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's prompt versions on the Monitor page, under {@code /api/monitor/prompts} (so only engineers reach them,
 * {@link io.datagent.app.roles.EngineersOnly}):
 * <ul>
 *   <li>{@code GET /api/monitor/prompts}: versions, aliases, scores, who promoted, the rollback target;</li>
 *   <li>{@code POST /api/monitor/prompts/versions/{version}/promote} with optional {@code {"alias": "candidate"}}
 *       (default production);</li>
 *   <li>{@code POST /api/monitor/prompts/rollback}: production back to the version it served before.</li>
 * </ul>
 * A registry failure answers its status (400, 404, 409, 502, 503) with a Spanish message; the alias is unchanged.
 */
public final class PromptRoutes implements RouteRegistrar {

  private static final Logger LOG = LoggerFactory.getLogger(PromptRoutes.class);

  private final PromptVersions prompts;
  private final JsonCodec json = new JsonCodec();

  public PromptRoutes(PromptVersions prompts) {
    this.prompts = prompts;
  }

  @Override
  public void register(Javalin app) {
    app.exception(PromptRegistryException.class, (e, ctx) -> {
      LOG.warn("prompt registry on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      ErrorsPlugin.respond(ctx, e.status(), e.getMessage());
    });
    app.get("/api/monitor/prompts", ctx -> ctx.json(prompts.list()));
    app.post("/api/monitor/prompts/versions/{version}/promote", this::promote);
    app.post("/api/monitor/prompts/rollback", ctx -> ctx.json(view(prompts.rollback(Identity.of(ctx).email()))));
  }

  private void promote(Context ctx) {
    int version;
    try {
      version = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      throw Refusal.invalid("La versión debe ser un número entero.");
    }
    String alias = PromptRegistry.PRODUCTION;
    if (!ctx.body().isBlank()) {
      JsonNode body = Requests.jsonObject(ctx, json);
      String a = Requests.text(body, "alias");
      alias = a == null ? alias : a;
    }
    ctx.json(view(prompts.promote(version, alias, Identity.of(ctx).email())));
  }

  private static Map<String, Object> view(AliasChange c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("alias", c.alias());
    m.put("from", c.from());
    m.put("to", c.to());
    m.put("by", c.by());
    m.put("at", c.at().toString());
    m.put("message", "El alias " + c.alias() + " apunta ahora a la versión " + c.to()
        + (c.from() == null ? "." : " (antes " + c.from() + ")."));
    return m;
  }
}
