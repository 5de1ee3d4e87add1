package io.datagent.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * EmbedJob's Vector Search sync and the job identity's credentials, against a loopback server that answers the
 * REST paths databricks-sdk-java calls with a workspace's JSON. No Spark.
 */
class JobWorkspaceTest {

  private static final String INDEX = "main.dev_ana_serving.document_embeddings_index";
  private static final String SYNC = "/api/2.0/vector-search/indexes/" + INDEX + "/sync";

  private record Call(String method, String path, String authorization, String body) {}

  private final List<Call> calls = new ArrayList<>();
  private HttpServer server;

  /** Answers {@code status} with {@code json} on the sync path, 404 ENDPOINT_NOT_FOUND elsewhere. */
  private String workspace(int status, String json) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getRawPath();
      calls.add(new Call(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Authorization"),
          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      boolean sync = path.equals(SYNC);
      byte[] out = (sync ? json : "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"No API found\"}")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(sync ? status : 404, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static EmbedderSpec spec(String host, String token) {
    return new EmbedderSpec(EmbedderSpec.DATABRICKS, 1, host, token, null, null, "gte", 32, 0, Duration.ofSeconds(5));
  }

  private List<Call> syncCalls() {
    return calls.stream().filter(c -> c.path().equals(SYNC)).toList();
  }

  @Test
  void should_post_one_sync_of_the_index_when_embeddings_changed() throws IOException {
    // given
    String host = workspace(200, "{}");
    List<String> log = new ArrayList<>();

    // when
    EmbedJob.syncIndex(JobWorkspace.of(spec(host, "dapi-job")), INDEX, log::add);

    // then
    assertThat(syncCalls()).hasSize(1);
    Call call = syncCalls().get(0);
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.authorization()).isEqualTo("Bearer dapi-job");
    assertThat(call.body()).isEqualTo("{}");
    assertThat(log).anyMatch(l -> l.contains(INDEX) && l.contains("sincronización iniciada"));
  }

  @Test
  void should_sync_the_index_once_when_the_api_sources_job_reaches_its_sync_task() throws IOException {
    String host = workspace(200, "{}");
    IndexSyncJob.Config cfg = IndexSyncJob.config(Map.of(), "--host", host, "--vector-search", "true",
        "--vector-search-index", INDEX);

    String line = IndexSyncJob.run(cfg, h -> JobWorkspace.of(spec(h, "dapi-job")), l -> { });

    assertThat(syncCalls()).hasSize(1);
    assertThat(line).contains(INDEX).contains("sincronización iniciada");
  }

  @Test
  void should_call_nothing_and_refuse_a_bad_flag_when_vector_search_is_off_or_misspelt() throws IOException {
    String host = workspace(200, "{}");
    IndexSyncJob.Config off = IndexSyncJob.config(Map.of(), "--host", host, "--vector-search", "false");

    String line = IndexSyncJob.run(off, h -> JobWorkspace.of(spec(h, "dapi-job")), l -> { });

    assertThat(calls).isEmpty();
    assertThat(line).contains("Vector Search desactivado");
    assertThatThrownBy(() -> IndexSyncJob.config(Map.of(), "--vector-search", "si")).hasMessageContaining("true o false");
    assertThatThrownBy(() -> IndexSyncJob.config(Map.of(), "--host", host, "--vector-search", "true"))
        .hasMessageContaining("catálogo.esquema.índice");
  }

  @Test
  void should_fail_in_spanish_naming_the_index_when_the_workspace_has_no_such_index() throws IOException {
    // given
    String host = workspace(404, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Index " + INDEX
        + " does not exist.\"}");

    // when / then
    assertThatThrownBy(() -> EmbedJob.syncIndex(JobWorkspace.of(spec(host, "dapi-job")), INDEX, l -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no se pudo sincronizar el índice de Vector Search " + INDEX)
        .hasMessageContaining("does not exist");
    assertThat(syncCalls()).hasSize(1);
  }

  @Test
  void should_give_the_executors_the_token_the_workspace_client_authenticates_with() throws IOException {
    String host = workspace(200, "{}");

    assertThat(JobWorkspace.of(spec(host, "dapi-job")).bearerToken()).isEqualTo("dapi-job");
  }

  @Test
  void should_need_no_token_in_the_cluster_environment_when_syncing_a_databricks_index() {
    // when: the bundle's embed task, with no DATABRICKS_TOKEN or client id on the cluster (the job's run_as identity)
    EmbedConfig cfg = EmbedJob.config(Map.of(), "--provider", "databricks", "--endpoint", "gte", "--host",
        "https://dbc.example.cloud.databricks.com", "--vector-search", "true", "--vector-search-index", INDEX);

    // then
    assertThat(cfg.vectorSearchIndex()).isEqualTo(INDEX);
    assertThat(cfg.embedder().token()).isNull();
    assertThat(cfg.embedder().clientId()).isNull();
    assertThat(EmbedJob.config(Map.of(), "--provider", "databricks", "--endpoint", "gte", "--host", "https://h",
        "--vector-search", "false", "--vector-search-index", INDEX).vectorSearchIndex()).as("switched off").isNull();
    assertThatThrownBy(() -> EmbedJob.config(Map.of(), "--provider", "databricks", "--endpoint", "gte", "--host",
        "https://h", "--vector-search", "true")).hasMessageContaining("--vector-search-index");
    assertThatThrownBy(() -> EmbedJob.config(Map.of(), "--vector-search", "true", "--vector-search-index", INDEX))
        .hasMessageContaining("--provider databricks");
  }
}
