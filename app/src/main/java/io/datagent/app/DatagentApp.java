package io.datagent.app;

import io.datagent.agent.Agent;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.chat.ChatService;
import io.datagent.app.state.ConversationStore;
import io.datagent.app.state.FeedbackStore;
import io.datagent.app.state.JsonCodec;
import io.datagent.app.state.StateDatabase;
import io.datagent.app.state.UploadStore;
import io.datagent.app.trace.TraceExporter;
import io.datagent.app.uploads.IngestionJobs;
import io.datagent.app.uploads.UploadPolicy;
import io.datagent.app.uploads.UploadService;
import io.datagent.app.web.RouteRegistrar;
import io.datagent.app.web.WebServer;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;

/**
 * The App, wired: state database migrated, domain services over the given ports, the web server started. Both mains
 * build one: {@link AppMain} with the Databricks sides, {@code ./agent serve} with the local ones.
 */
public final class DatagentApp implements AutoCloseable {

  /** Where and how the App serves. */
  public record Settings(String host, int port, boolean requireForwardedUser, String demoUser, long uploadMaxBytes,
      int maxConversationsPerUser, long uploadPollMillis, ChatService.Limits chatLimits) {}

  /**
   * The ports, one side each.
   *
   * @param extraRoutes other modules' routes (the job monitor's), registered after the App's own
   */
  public record Ports(Agent agent, StateDatabase state, DataCatalog catalog, IngestionJobs ingestion,
      TraceExporter exporter, List<RouteRegistrar> extraRoutes) {}

  private final Javalin web;
  private final UploadService uploads;
  private final TraceExporter exporter;

  private final ChatService chat;

  private DatagentApp(Javalin web, ChatService chat, UploadService uploads, TraceExporter exporter) {
    this.web = web;
    this.chat = chat;
    this.uploads = uploads;
    this.exporter = exporter;
  }

  /** Migrates the state database and starts serving; returns once the port is open. */
  public static DatagentApp start(Settings s, Ports p, Clock clock) {
    p.state().migrate();
    JsonCodec json = new JsonCodec();
    var ds = p.state().dataSource();
    ConversationStore conversations = new ConversationStore(ds, json, s.maxConversationsPerUser());
    ChatService chat = new ChatService(p.agent(), conversations, p.exporter(), s.chatLimits(), clock);
    UploadService uploads = new UploadService(new UploadStore(ds, json), p.ingestion(), new UploadPolicy(s.uploadMaxBytes()),
        p.catalog()).track(s.uploadPollMillis());
    Javalin web = WebServer.create(new WebServer.Settings(s.requireForwardedUser(), s.demoUser(), s.uploadMaxBytes()), json,
        p.state(), chat, conversations, new FeedbackStore(ds), p.catalog(), uploads, p.extraRoutes());
    web.start(s.host(), s.port());
    return new DatagentApp(web, chat, uploads, p.exporter());
  }

  public int port() {
    return web.port();
  }

  /** What {@code /api/ask} runs behind HTTP: the agent, and the exchange recorded in the state database. */
  public ChatService chat() {
    return chat;
  }

  public Javalin web() {
    return web;
  }

  @Override
  public void close() {
    try {
      web.stop();
    } catch (RuntimeException e) {
      // Jetty reports idle keep-alive connections still open after the 1 s grace period; it has stopped anyway.
    }
    uploads.close();
    exporter.close();
  }
}
