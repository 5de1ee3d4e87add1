package io.datagent.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.app.Refusal;
import io.datagent.app.state.ConversationStore;
import io.datagent.app.state.FeedbackStore;
import io.datagent.app.state.JsonCodec;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/** The user's conversation history and their ratings of answers. Each user only ever sees their own. */
final class ConversationRoutes {

  private static final int LIST_LIMIT = 50;
  private static final int MESSAGES_LIMIT = 200;
  private static final int MAX_COMMENT = 2000;

  private final ConversationStore conversations;
  private final FeedbackStore feedback;
  private final JsonCodec json;

  ConversationRoutes(ConversationStore conversations, FeedbackStore feedback, JsonCodec json) {
    this.conversations = conversations;
    this.feedback = feedback;
    this.json = json;
  }

  void register(Javalin app) {
    app.get("/api/conversations", ctx -> ctx.json(conversations.list(Identity.of(ctx).email(), LIST_LIMIT)));
    app.get("/api/conversations/{id}", this::messages);
    app.delete("/api/conversations/{id}", this::delete);
    app.post("/api/feedback", this::rate);
  }

  private void messages(Context ctx) {
    UUID id = owned(ctx);
    ctx.json(Map.of("id", id, "messages", conversations.messages(id, MESSAGES_LIMIT)));
  }

  private void delete(Context ctx) {
    UUID id = Requests.uuidParam(ctx, "id");
    if (!conversations.delete(id, Identity.of(ctx).email())) {
      throw Refusal.notFound("No existe esa conversación.");
    }
    ctx.status(204);
  }

  private UUID owned(Context ctx) {
    UUID id = Requests.uuidParam(ctx, "id");
    if (!conversations.owner(id).map(Identity.of(ctx).email()::equals).orElse(false)) {
      throw Refusal.notFound("No existe esa conversación.");
    }
    return id;
  }

  private void rate(Context ctx) {
    JsonNode body = Requests.jsonObject(ctx, json);
    UUID trace = Requests.uuidField(body, "traceId");
    if (trace == null) {
      throw Refusal.invalid("Falta «traceId» (la respuesta que valoras).");
    }
    int rating = rating(body.get("rating"));
    String comment = Requests.text(body, "comment");
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw new Refusal(Refusal.Kind.TOO_LARGE, "El comentario es demasiado largo (máximo " + MAX_COMMENT + " caracteres).");
    }
    if (!feedback.rate(trace, Identity.of(ctx).email(), rating, comment == null || comment.isBlank() ? null : comment.strip())) {
      throw Refusal.notFound("No existe esa respuesta.");
    }
    ctx.json(Map.of("traceId", trace, "rating", rating));
  }

  /** "up" = 5, "down" = 1, or a number from 1 to 5. */
  static int rating(JsonNode v) {
    if (v != null && v.isTextual()) {
      switch (v.asText()) {
        case "up" -> { return 5; }
        case "down" -> { return 1; }
        default -> { }
      }
    }
    if (v != null && v.isInt() && v.asInt() >= 1 && v.asInt() <= 5) {
      return v.asInt();
    }
    throw Refusal.invalid("«rating» debe ser \"up\", \"down\" o un número del 1 al 5.");
  }
}
