package io.datagent.app.apisources;

import io.datagent.app.web.RouteRegistrar;
import io.javalin.Javalin;
import java.util.Map;

/** The Datos page's API sources: {@code GET /api/api-sources} (definition, last run, high-water mark, latest errors). */
public final class ApiSourceRoutes implements RouteRegistrar {

  private final ApiSources sources;

  public ApiSourceRoutes(ApiSources sources) {
    this.sources = sources;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/api-sources", ctx -> ctx.json(Map.of("sources", sources.list())));
  }
}
