package io.datagent.app.curation;

import io.datagent.app.web.RouteRegistrar;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/monitor/traces/export[?since=2026-12-01T00:00:00Z]}: the rated traces as JSON Lines (a download).
 * Under {@code /api/monitor}, so only engineers get it ({@link io.datagent.app.roles.EngineersOnly}).
 */
public final class TraceExportRoutes implements RouteRegistrar {

  private final TraceExport export;

  public TraceExportRoutes(TraceExport export) {
    this.export = export;
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/monitor/traces/export", this::download);
  }

  private void download(Context ctx) {
    Instant since;
    try {
      String s = ctx.queryParam("since");
      since = s == null || s.isBlank() ? Instant.now().minus(Duration.ofDays(90)) : Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new BadRequestResponse("'since' debe ser una fecha ISO-8601, p. ej. 2026-12-01T00:00:00Z");
    }
    StringWriter out = new StringWriter();
    int n = export.write(out, since);
    ctx.header("Content-Disposition", "attachment; filename=\"trazas-valoradas.jsonl\"");
    ctx.header("X-Datagent-Count", String.valueOf(n));
    ctx.contentType("application/x-ndjson; charset=utf-8").result(out.toString());
  }
}
