package io.datagent.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.agent.AnswerListener;
import io.datagent.app.Refusal;
import io.datagent.app.chat.ChatService;
import io.datagent.app.state.JsonCodec;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/ask} (one JSON answer) and {@code POST /api/ask/stream} (server-sent events: {@code conversation},
 * {@code status}, {@code token} (a piece of the answer as the model writes it), {@code discard} (the tokens so far
 * are withdrawn: the model called a tool after them, or its stream broke and the extractive answer follows),
 * {@code sql}, {@code tool}, then {@code answer} (the whole final answer, which replaces the streamed text) or
 * {@code error}).
 */
final class ChatRoutes {

  private final ChatService chat;
  private final JsonCodec json;

  ChatRoutes(ChatService chat, JsonCodec json) {
    this.chat = chat;
    this.json = json;
  }

  void register(Javalin app) {
    app.post("/api/ask", this::ask);
    app.post("/api/ask/stream", this::stream);
  }

  private record Question(String text, UUID conversationId) {}

  private Question question(Context ctx) {
    JsonNode body = Requests.jsonObject(ctx, json);
    return new Question(Requests.withoutControls(Requests.text(body, "question")), Requests.uuidField(body, "conversationId"));
  }

  private void ask(Context ctx) {
    Identity who = Identity.of(ctx);
    Question q = question(ctx);
    ChatService.Conversation conversation = chat.prepare(who.email(), q.text(), q.conversationId());
    ctx.contentType(ContentType.APPLICATION_JSON)
        .result(chat.reply(who.email(), who.token(), q.text(), conversation, AnswerListener.NONE).json());
  }

  private void stream(Context ctx) throws IOException {
    Identity who = Identity.of(ctx);
    Question q = question(ctx);
    ChatService.Conversation conversation = chat.prepare(who.email(), q.text(), q.conversationId());
    SseStream sse = new SseStream(ctx, json);
    try {
      sse.send("conversation", Map.of("conversationId", conversation.id()));
      ChatService.Reply reply = chat.reply(who.email(), who.token(), q.text(), conversation, new AnswerListener() {
        @Override
        public void onStatus(String s) {
          sse.send("status", s);
        }

        @Override
        public void onToken(String t) {
          sse.send("token", t);
        }

        @Override
        public void onTokensDiscarded() {
          sse.send("discard", Map.of());
        }

        @Override
        public void onSql(String sql) {
          sse.send("sql", sql);
        }

        @Override
        public void onToolCall(String name, String argsJson) {
          sse.send("tool", Map.of("name", name));
        }
      });
      sse.sendJson("answer", reply.json());
    } catch (Refusal e) {
      sse.send("error", Map.of("error", e.getMessage(), "status", ErrorsPlugin.status(e.kind())));
    } finally {
      sse.close();
    }
  }
}
