package io.datagent.app.web;

import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.chat.ChatService;
import io.datagent.app.state.ConversationStore;
import io.datagent.app.state.FeedbackStore;
import io.datagent.app.state.JsonCodec;
import io.datagent.app.state.StateDatabase;
import io.datagent.app.uploads.UploadService;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The Javalin server: pages under {@code /public} (Chat at {@code /}, Datos at {@code /datos}), the JSON API under
 * {@code /api} (described by {@code /api/openapi.json}), {@code /health} and {@code /ready}. Identity, security headers
 * and error handling are plugins; routes are thin classes over the domain services.
 */
public final class WebServer {

  /** What the server needs from the outside. */
  public record Settings(boolean requireForwardedUser, String demoUser, long uploadMaxBytes) {}

  private WebServer() {}

  public static Javalin create(Settings s, JsonCodec json, StateDatabase state, ChatService chat,
      ConversationStore conversations, FeedbackStore feedback, DataCatalog catalog, UploadService uploads,
      List<RouteRegistrar> extra) {
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(1_000); // Ctrl+C should not wait for idle keep-alives
        server.setErrorHandler(new BadMessageErrors()); // the parser's refusals as JSON in Spanish too
      });
      config.jsonMapper(new JavalinJackson(json.mapper(), false));
      config.http.maxRequestSize = 1_000_000L;
      config.http.defaultContentType = "application/json";
      config.jetty.multipartConfig.cacheDirectory(System.getProperty("java.io.tmpdir"));
      config.jetty.multipartConfig.maxFileSize(s.uploadMaxBytes(), SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
      config.jetty.multipartConfig.maxTotalRequestSize(s.uploadMaxBytes() + UploadRoutes.ENVELOPE, SizeUnit.BYTES);
      config.staticFiles.add(sf -> {
        sf.hostedPath = "/";
        sf.directory = "/public";
        sf.location = Location.CLASSPATH;
        sf.headers = Map.of("Cache-Control", "no-cache");
      });
      if (WebServer.class.getResource("/public/monitor") != null) {
        // The monitor's page ships in its own JAR; a second mount finds it whichever JAR holds /public first.
        config.staticFiles.add(sf -> {
          sf.hostedPath = "/monitor";
          sf.directory = "/public/monitor";
          sf.location = Location.CLASSPATH;
          sf.headers = Map.of("Cache-Control", "no-cache");
        });
      }
      config.registerPlugin(new SecurityHeadersPlugin());
      config.registerPlugin(new IdentityPlugin(c -> {
        c.requireForwardedUser = s.requireForwardedUser();
        c.demoUser = s.demoUser();
      }));
      config.registerPlugin(new ErrorsPlugin());
    });
    app.get("/datos", ctx -> page(ctx, "/public/datos.html"));
    app.get("/api/openapi.json", ctx -> resource(ctx, "/openapi.json", "application/json"));
    new HealthRoutes(state, s.uploadMaxBytes()).register(app);
    new ChatRoutes(chat, json).register(app);
    new ConversationRoutes(conversations, feedback, json).register(app);
    new DataRoutes(catalog).register(app);
    new UploadRoutes(uploads).register(app);
    for (RouteRegistrar r : extra) {
      r.register(app);
    }
    return app;
  }

  private static void page(Context ctx, String path) {
    resource(ctx, path, "text/html; charset=utf-8");
    ctx.header("Cache-Control", "no-cache");
  }

  private static void resource(Context ctx, String path, String type) {
    InputStream in = WebServer.class.getResourceAsStream(path);
    if (in == null) {
      throw new io.javalin.http.NotFoundResponse();
    }
    ctx.contentType(type).result(in);
  }
}
