package io.datagent.app;

import io.datagent.agent.Agent;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.chat.ChatService;
import io.datagent.app.state.StateDatabase;
import io.datagent.app.trace.TraceExporter;
import io.datagent.app.uploads.IngestionJobs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The real App on port 0 over a fresh PostgreSQL database, and an HTTP client to call it as a browser would. */
public final class TestApp implements AutoCloseable {

  public final DatagentApp app;
  public final DataSource dataSource;
  private final HttpClient http = HttpClient.newHttpClient();
  private String user;

  public TestApp(Agent agent, DataCatalog catalog, IngestionJobs jobs, boolean databricksMode, long uploadMaxBytes) {
    this(agent, catalog, jobs, databricksMode, uploadMaxBytes, TestPostgres.freshDatabase(), List.of());
  }

  /** With routes of other modules ({@code extra}) on the given database. */
  public TestApp(Agent agent, DataCatalog catalog, IngestionJobs jobs, boolean databricksMode, long uploadMaxBytes,
      DataSource dataSource, List<io.datagent.app.web.RouteRegistrar> extra) {
    this.dataSource = dataSource;
    this.app = DatagentApp.start(new DatagentApp.Settings("127.0.0.1", 0, databricksMode, "demo@datagent.local",
            uploadMaxBytes, 5, 50, ChatService.Limits.defaults()),
        new DatagentApp.Ports(agent, new StateDatabase(dataSource), catalog, jobs, TraceExporter.none(), extra),
        Clock.systemUTC());
  }

  /** Sends {@code X-Forwarded-Email: user} from now on (null: none). */
  public TestApp as(String user) {
    this.user = user;
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  public HttpResponse<String> get(String path) {
    return send(base(path).GET().build());
  }

  public HttpResponse<String> delete(String path) {
    return send(base(path).DELETE().build());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(base(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public HttpResponse<String> post(String path, String contentType, byte[] body) {
    return send(base(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** A multipart/form-data upload of one file (and the dataset field when not null). */
  public HttpResponse<String> upload(String fileName, byte[] content, String dataset) {
    String boundary = "----datagent" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    if (dataset != null) {
      head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"dataset\"\r\n\r\n")
          .append(dataset).append("\r\n");
    }
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] t = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[h.length + content.length + t.length];
    System.arraycopy(h, 0, body, 0, h.length);
    System.arraycopy(content, 0, body, h.length, content.length);
    System.arraycopy(t, 0, body, h.length + content.length, t.length);
    return post("/api/uploads", "multipart/form-data; boundary=" + boundary, body);
  }

  private HttpRequest.Builder base(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
    if (user != null) {
      b.header("X-Forwarded-Email", user);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest req) {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
