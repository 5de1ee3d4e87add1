package io.datagent.app.web;

import io.datagent.app.Refusal;
import io.datagent.app.state.StateException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.plugin.Plugin;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes a short JSON body {@code {"error": "...", "status": n}} in Spanish (an HTML page for a page
 * path): refusals keep their status, bodies too large 413, broken multipart 400, the state database away 503. Only a
 * bug ends in 500, logged with an id the user can quote.
 */
public final class ErrorsPlugin extends Plugin<Void> {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorsPlugin.class);

  @Override
  public void onInitialize(JavalinConfig config) {
    config.router.mount(r -> {
      r.exception(Refusal.class, (e, ctx) -> respond(ctx, status(e.kind()), e.getMessage()));
      r.exception(StateException.class, (e, ctx) -> {
        LOG.warn("state database: {}", e.toString());
        respond(ctx, 503, "El historial no está disponible ahora mismo; prueba de nuevo en un momento.");
      });
      r.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), translate(e)));
      r.exception(Exception.class, this::unexpected);
    });
  }

  static int status(Refusal.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case TOO_LARGE -> 413;
      case UNSUPPORTED_TYPE -> 415;
      case BUSY -> 429;
      case UNAVAILABLE -> 503;
    };
  }

  private void unexpected(Exception e, Context ctx) {
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    // Jetty's multipart parser: limits and malformed bodies are the sender's doing
    if (text.contains("exceeds max") || text.contains("too large") || text.contains("request entity too large")) {
      respond(ctx, 413, "El archivo o la petición son demasiado grandes.");
    } else if (e instanceof jakarta.servlet.ServletException || e.getClass().getName().contains("MultiPart")
        || text.contains("multipart") || e.getCause() instanceof java.io.EOFException) {
      respond(ctx, 400, "El envío del archivo está incompleto o mal formado.");
    } else {
      String id = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("unexpected error {} on {} {}", id, ctx.method(), ctx.path(), e);
      respond(ctx, 500, "Error interno (referencia " + id + ").");
    }
  }

  private static String translate(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 404 -> "No existe esa dirección.";
      case 405 -> "Método no permitido.";
      case 413 -> "La petición es demasiado grande.";
      default -> e.getMessage();
    };
  }

  static void respond(Context ctx, int status, String message) {
    ctx.status(status);
    if (ctx.path().startsWith("/api") || ctx.path().equals("/ready") || !acceptsHtml(ctx)) {
      ctx.json(Map.of("error", message, "status", status));
    } else {
      ctx.html("<!doctype html><html lang=\"es\"><meta charset=\"utf-8\"><title>datagent</title>"
          + "<link rel=\"stylesheet\" href=\"/assets/app.css\"><main class=\"notice\"><h1>" + status + "</h1><p>"
          + escape(message) + "</p><p><a href=\"/\">Volver al chat</a></p></main></html>");
    }
  }

  private static boolean acceptsHtml(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }

  static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
