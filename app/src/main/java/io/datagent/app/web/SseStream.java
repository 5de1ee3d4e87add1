package io.datagent.app.web;

import io.datagent.app.state.JsonCodec;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent events response written on the request's own thread: {@code event:} and {@code data:} lines
 * (data as JSON), flushed per event. Javalin's SseHandler needs {@code Accept: text/event-stream} and a GET; the chat
 * posts its question, so the page reads this stream with {@code fetch}. A client that went away stops the writing,
 * not the work (the answer is still recorded).
 */
final class SseStream {

  private final OutputStream out;
  private final JsonCodec json;
  private boolean open = true;

  SseStream(Context ctx, JsonCodec json) throws IOException {
    this.json = json;
    ctx.status(200);
    ctx.res().setCharacterEncoding("UTF-8");
    ctx.res().setContentType("text/event-stream");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    this.out = ctx.res().getOutputStream();
    out.write(": datagent\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  synchronized void send(String event, Object data) {
    if (open) {
      sendJson(event, json.write(data));
    }
  }

  /** An event whose data is already JSON (one line, as the codec writes it). */
  synchronized void sendJson(String event, String payload) {
    if (!open) {
      return;
    }
    try {
      out.write(("event: " + event + "\ndata: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      open = false;
    }
  }

  synchronized void close() {
    if (open) {
      open = false;
      try {
        out.close();
      } catch (IOException e) {
        // the client is gone already
      }
    }
  }
}
