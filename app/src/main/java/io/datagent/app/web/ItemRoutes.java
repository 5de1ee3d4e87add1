package io.datagent.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.app.Refusal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The shape shared by the engineers' saved-item APIs (trusted queries, benchmark items): {@code GET path} lists them,
 * {@code POST path} saves one from a JSON object body, {@code DELETE path/{id}} removes one (204, or 404 with
 * {@code notFound}).
 */
public final class ItemRoutes {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ItemRoutes() {}

  public static void register(Javalin app, String path, Supplier<List<?>> list, Consumer<Context> save,
      Predicate<String> delete, String notFound) {
    app.get(path, ctx -> ctx.json(list.get()));
    app.post(path, save::accept);
    app.delete(path + "/{id}", ctx -> {
      if (!delete.test(ctx.pathParam("id"))) {
        throw Refusal.notFound(notFound);
      }
      ctx.status(204);
    });
  }

  /** The request's body as a JSON object, or a 400 in Spanish. */
  public static JsonNode object(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw Refusal.invalid("El cuerpo de la petición no es un JSON válido.");
    }
    if (body == null || !body.isObject()) {
      throw Refusal.invalid("El cuerpo de la petición debe ser un objeto JSON.");
    }
    return body;
  }
}
