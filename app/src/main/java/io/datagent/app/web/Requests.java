package io.datagent.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.app.Refusal;
import io.datagent.app.state.JsonCodec;
import io.javalin.http.Context;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading what a request carries, with refusals (400/404/415) instead of exceptions for anything malformed. */
final class Requests {

  private static final Logger LOG = LoggerFactory.getLogger(Requests.class);

  private Requests() {}

  /** The body as a JSON object. */
  static JsonNode jsonObject(Context ctx, JsonCodec json) {
    String type = ctx.contentType();
    if (type != null && !type.toLowerCase().startsWith("application/json")) {
      throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "Envía el cuerpo como JSON (Content-Type: application/json).");
    }
    String body;
    try {
      body = ctx.body();
    } catch (io.javalin.http.HttpResponseException e) {
      throw e; // over the size limit: Javalin's 413
    } catch (Exception e) { // Jetty's EofException (an IOException thrown through Kotlin) when the sender stops early
      LOG.info("request body cut short on {} {}: {}", ctx.method(), ctx.path(), e.toString());
      throw Refusal.invalid("El cuerpo de la petición llegó incompleto (menos bytes de los anunciados); envíalo de nuevo.");
    }
    if (body.isBlank()) {
      throw Refusal.invalid("Falta el cuerpo JSON de la petición.");
    }
    JsonNode node;
    try {
      node = json.tree(body);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("El cuerpo no es JSON válido.");
    }
    if (node == null || !node.isObject()) {
      throw Refusal.invalid("El cuerpo debe ser un objeto JSON.");
    }
    return node;
  }

  /** A text field: null when absent or null; refused when it is not a string. */
  static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw Refusal.invalid("El campo «" + field + "» debe ser texto.");
    }
    return v.asText();
  }

  /**
   * Typed text without control characters (NUL, BEL, escape sequences…): a pasted question keeps its words, tabs
   * and line breaks, and nothing the history database or a terminal would choke on. Null stays null.
   */
  static String withoutControls(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || !Character.isISOControl(c)).forEach(b::appendCodePoint);
    return b.toString();
  }

  /** An optional UUID field. */
  static UUID uuidField(JsonNode body, String field) {
    String v = text(body, field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(v.strip());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("El campo «" + field + "» no es un identificador válido.");
    }
  }

  /** A path parameter that must be a UUID; anything else is simply not found. */
  static UUID uuidParam(Context ctx, String name) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw Refusal.notFound("No existe: " + ctx.pathParam(name));
    }
  }

  /** An integer query parameter within bounds. */
  static int intQuery(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Math.max(min, Math.min(max, Integer.parseInt(v.strip())));
    } catch (NumberFormatException e) {
      throw Refusal.invalid("El parámetro «" + name + "» debe ser un número.");
    }
  }
}
