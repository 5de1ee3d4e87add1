package io.datagent.app.web;

import io.datagent.app.Refusal;
import io.datagent.app.catalog.DataCatalog;
import io.javalin.Javalin;
import java.util.Map;

/** The Datos page's reads: tables with their documentation, a preview of one, the ingestion history. */
final class DataRoutes {

  private final DataCatalog catalog;

  DataRoutes(DataCatalog catalog) {
    this.catalog = catalog;
  }

  void register(Javalin app) {
    app.get("/api/tables", ctx -> ctx.json(catalog.tables()));
    app.get("/api/tables/{name}", ctx -> ctx.json(catalog.describe(ctx.pathParam("name"))
        .orElseThrow(() -> Refusal.notFound("No existe la tabla «" + ctx.pathParam("name") + "»."))));
    app.get("/api/tables/{name}/preview", ctx -> ctx.json(catalog.preview(ctx.pathParam("name"),
            Requests.intQuery(ctx, "limit", 20, 1, 200), Identity.of(ctx).token())
        .orElseThrow(() -> Refusal.notFound("No existe la tabla «" + ctx.pathParam("name") + "»."))));
    app.get("/api/ingestions", ctx -> ctx.json(Map.of("entries", catalog.ingestions(null,
        Requests.intQuery(ctx, "limit", 50, 1, 500)))));
  }
}
