package io.datagent.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.platform.PlatformException;
import io.datagent.testkit.FakeWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * EmbedJob's and IndexSyncJob's Vector Search sync and the job identity's credentials, through the platform module
 * against testkit's fake workspace (the REST shapes databricks-sdk-java sends and reads). No Spark.
 */
class JobWorkspaceTest {

  private static final String INDEX = "main.dev_ana_serving.document_embeddings_index";
  private static final String SYNC = "/api/2\\.0/vector-search/indexes/" + INDEX.replace(".", "\\.") + "/sync";
  private static final String GET = "/api/2\\.0/vector-search/indexes/" + INDEX.replace(".", "\\.");
  /** Millisecond pauses and a short settle, so a test waits for reads, not for time. */
  private static final IndexSyncWait.Limits FAST = new IndexSyncWait.Limits(Duration.ofSeconds(5), Duration.ofMillis(1),
      Duration.ofMillis(4), Duration.ofSeconds(5));

  private final FakeWorkspace ws = new FakeWorkspace();

  @AfterEach
  void stop() {
    ws.close();
  }

  private JobWorkspace workspace() {
    ws.auth().allowToken("dapi-job");
    return JobWorkspace.of(spec(ws.url(), "dapi-job"));
  }

  private static EmbedderSpec spec(String host, String token) {
    return new EmbedderSpec(EmbedderSpec.DATABRICKS, 1, host, token, null, null, "gte", 32, 0, Duration.ofSeconds(5));
  }

  private IndexSyncJob.Config on() {
    return IndexSyncJob.config(Map.of(), "--host", ws.url(), "--vector-search", "true", "--vector-search-index", INDEX);
  }

  @Test
  void should_post_one_sync_and_wait_until_the_index_is_idle_when_embed_job_syncs_it() {
    // given: after the sync the index updates for 3 reads, then reports ONLINE_NO_PENDING_UPDATE
    ws.vectorSearch().index(INDEX, 10).syncTakes(INDEX, 3);
    List<String> log = new ArrayList<>();

    // when
    EmbedJob.syncIndex(workspace(), INDEX, FAST, log::add);

    // then: one read before the sync, 3 busy reads and the idle one; the source's new version is indexed
    assertThat(ws.calls(SYNC)).singleElement().satisfies(c -> {
      assertThat(c.method()).isEqualTo("POST");
      assertThat(c.authorization()).isEqualTo("Bearer dapi-job");
    });
    assertThat(ws.calls(GET)).hasSize(5);
    assertThat(ws.vectorSearch().processedVersion(INDEX)).isEqualTo(ws.vectorSearch().sourceVersion(INDEX));
    assertThat(log).anyMatch(l -> l.contains(INDEX) && l.contains("sincronización iniciada"));
    assertThat(log.get(log.size() - 1)).contains(INDEX).contains("sincronización terminada")
        .contains("ONLINE_NO_PENDING_UPDATE");
  }

  @Test
  void should_wait_for_the_running_update_and_sync_again_when_embed_job_syncs_while_the_index_updates() {
    // given: an update started before this run's write (it reads the source up to version 2), then the write (3)
    ws.vectorSearch().index(INDEX, 40).syncTakes(INDEX, 2).updateRunning(INDEX, "ONLINE_TRIGGERED_UPDATE", 3)
        .commit(INDEX);
    JobWorkspace w = workspace();
    assertThatThrownBy(() -> w.syncIndex(INDEX)).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errorCode()).isEqualTo("BAD_REQUEST");
      assertThat(e.getMessage()).contains("Index is not ready to sync yet");
    });
    List<String> log = new ArrayList<>();

    // when
    EmbedJob.syncIndex(w, INDEX, FAST, log::add);

    // then: refused once more, waited for the running update, synced again, and that sync read the new version
    assertThat(ws.vectorSearch().refusedSyncs(INDEX)).isEqualTo(2);
    assertThat(ws.vectorSearch().syncs(INDEX)).isEqualTo(1);
    assertThat(ws.vectorSearch().sourceVersion(INDEX)).isEqualTo(3);
    assertThat(ws.vectorSearch().processedVersion(INDEX)).isEqualTo(3);
    assertThat(log).anyMatch(l -> l.contains(INDEX) && l.contains("ya se está actualizando"));
    assertThat(log.get(log.size() - 1)).contains("sincronización terminada").contains("ONLINE_NO_PENDING_UPDATE");
  }

  @Test
  void should_sync_after_provisioning_ends_when_the_sync_job_runs_while_the_index_is_still_provisioning() {
    ws.vectorSearch().index(INDEX, 0).syncTakes(INDEX, 1).updateRunning(INDEX, "PROVISIONING_INITIAL_SNAPSHOT", 2);
    JobWorkspace w = workspace();

    String line = IndexSyncJob.run(on(), h -> w, FAST, l -> { });

    assertThat(ws.vectorSearch().refusedSyncs(INDEX)).isEqualTo(1);
    assertThat(ws.vectorSearch().syncs(INDEX)).isEqualTo(1);
    assertThat(line).contains(INDEX).contains("sincronización terminada").contains("ONLINE_NO_PENDING_UPDATE");
  }

  @Test
  void should_fail_in_spanish_naming_the_index_when_the_running_update_outlasts_the_wait() {
    ws.vectorSearch().index(INDEX, 5).updateRunning(INDEX, "ONLINE_UPDATING_PIPELINE_RESOURCES", -1).commit(INDEX);
    JobWorkspace w = workspace();
    IndexSyncWait.Limits limits = new IndexSyncWait.Limits(Duration.ofMillis(100), Duration.ofMillis(5),
        Duration.ofMillis(20), Duration.ofSeconds(5));

    assertThatThrownBy(() -> EmbedJob.syncIndex(w, INDEX, limits, l -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("El índice de Vector Search " + INDEX + " siguió ocupado con una actualización anterior")
        .hasMessageContaining("100 ms")
        .hasMessageContaining("último estado: ONLINE_UPDATING_PIPELINE_RESOURCES");
    assertThat(ws.vectorSearch().syncs(INDEX)).isZero();
    assertThat(ws.vectorSearch().processedVersion(INDEX)).isLessThan(ws.vectorSearch().sourceVersion(INDEX));
  }

  @Test
  void should_not_take_the_failure_of_an_earlier_sync_for_its_own_when_the_state_lags_the_new_sync() {
    // given: the last sync failed, and after the new one GetIndex shows that failure for 2 more reads
    ws.vectorSearch().index(INDEX, 5).syncFails(INDEX, 0, "ONLINE_PIPELINE_FAILED", "earlier failure");
    JobWorkspace w = workspace();
    w.syncIndex(INDEX);
    assertThat(w.indexStatus(INDEX).failed()).isTrue();
    ws.vectorSearch().syncTakes(INDEX, 1).stateLags(INDEX, 2);
    List<String> log = new ArrayList<>();

    // when
    EmbedJob.syncIndex(w, INDEX, FAST, log::add);

    // then
    assertThat(log).filteredOn(l -> l.contains("ONLINE_PIPELINE_FAILED")).hasSize(2);
    assertThat(log.get(log.size() - 1)).contains("sincronización terminada").contains("ONLINE_NO_PENDING_UPDATE");
  }

  @Test
  void should_leave_an_idle_or_updating_index_alone_when_a_run_has_nothing_new_to_embed() {
    ws.vectorSearch().index(INDEX, 5).index("main.s.updating_index", 5)
        .updateRunning("main.s.updating_index", "ONLINE_TRIGGERED_UPDATE", 9);
    JobWorkspace w = workspace();
    List<String> log = new ArrayList<>();

    IndexSync.resyncIfFailed(w, INDEX, FAST, log::add);
    IndexSync.resyncIfFailed(w, "main.s.updating_index", FAST, log::add);

    assertThat(ws.calls("/api/2\\.0/vector-search/indexes/[^/]+/sync")).isEmpty();
    assertThat(log).hasSize(2).allMatch(l -> l.contains("nada nuevo que sincronizar"));
  }

  @Test
  void should_sync_again_and_wait_when_a_run_has_nothing_new_to_embed_but_the_last_update_failed() {
    ws.vectorSearch().index(INDEX, 5).syncTakes(INDEX, 1)
        .failed(INDEX, "ONLINE_PIPELINE_FAILED", "Pipeline update failed");
    List<String> log = new ArrayList<>();

    IndexSync.resyncIfFailed(workspace(), INDEX, FAST, log::add);

    assertThat(ws.vectorSearch().syncs(INDEX)).isEqualTo(1);
    assertThat(log.get(0)).contains(INDEX).contains("la última actualización falló").contains("se sincroniza de nuevo");
    assertThat(log.get(log.size() - 1)).contains("sincronización terminada").contains("ONLINE_NO_PENDING_UPDATE");
  }

  @Test
  void should_fail_in_spanish_naming_the_index_and_its_state_when_embed_jobs_sync_fails() {
    ws.vectorSearch().index(INDEX, 5).syncFails(INDEX, 1, "OFFLINE_FAILED", "Source table has no Change Data Feed");
    JobWorkspace w = workspace();

    assertThatThrownBy(() -> EmbedJob.syncIndex(w, INDEX, FAST, l -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("La sincronización del índice de Vector Search " + INDEX + " falló")
        .hasMessageContaining("OFFLINE_FAILED")
        .hasMessageContaining("Change Data Feed");
  }

  @Test
  void should_wait_until_the_index_reports_the_sync_finished_when_the_update_takes_several_reads() {
    // given: after the sync the index reports ONLINE_TRIGGERED_UPDATE for 4 reads, then ONLINE_NO_PENDING_UPDATE
    ws.vectorSearch().index(INDEX, 120).syncTakes(INDEX, 4);
    JobWorkspace w = workspace();
    List<String> log = new ArrayList<>();

    // when
    String line = IndexSyncJob.run(on(), h -> w, FAST, log::add);

    // then: one read before the sync, 4 busy reads and the idle one
    assertThat(ws.vectorSearch().syncs(INDEX)).isEqualTo(1);
    assertThat(ws.calls(GET)).hasSize(6);
    assertThat(log).filteredOn(l -> l.contains("ONLINE_TRIGGERED_UPDATE")).hasSize(4);
    assertThat(line).contains(INDEX).contains("sincronización terminada").contains("ONLINE_NO_PENDING_UPDATE")
        .contains("120 filas indexadas");
  }

  @Test
  void should_fail_in_spanish_naming_the_index_and_its_state_when_the_sync_pipeline_fails() {
    ws.vectorSearch().index(INDEX, 5).syncFails(INDEX, 2, "ONLINE_PIPELINE_FAILED",
        "Pipeline update failed: column embedding has dimension 768, index expects 1024");
    JobWorkspace w = workspace();

    assertThatThrownBy(() -> IndexSyncJob.run(on(), h -> w, FAST, l -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("La sincronización del índice de Vector Search " + INDEX + " falló")
        .hasMessageContaining("ONLINE_PIPELINE_FAILED")
        .hasMessageContaining("dimension 768");
    assertThat(ws.calls(GET)).hasSize(4);
  }

  @Test
  void should_give_up_at_the_deadline_naming_the_index_and_its_last_state_when_the_sync_never_ends() {
    ws.vectorSearch().index(INDEX, 5).syncHangs(INDEX);
    JobWorkspace w = workspace();
    IndexSyncWait.Limits limits = new IndexSyncWait.Limits(Duration.ofMillis(300), Duration.ofMillis(5),
        Duration.ofMillis(40), Duration.ofSeconds(5));

    long t0 = System.nanoTime();
    assertThatThrownBy(() -> IndexSyncJob.run(on(), h -> w, limits, l -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("El índice de Vector Search " + INDEX + " no terminó de sincronizarse en 300 ms")
        .hasMessageContaining("último estado: ONLINE_TRIGGERED_UPDATE");
    long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();

    // then: the pauses grew (5, 10, 20, 40, 40… ms), so far fewer reads than 300 ms / 5 ms
    assertThat(ms).isBetween(280L, 3000L);
    assertThat(ws.calls(GET).size()).isBetween(4, 20);
  }

  @Test
  void should_keep_waiting_when_a_status_read_gets_a_5xx_after_the_sync() {
    // given: the sync started, then the workspace answers the next status reads with 500s
    ws.vectorSearch().index(INDEX, 7).syncTakes(INDEX, 1);
    JobWorkspace w = workspace();
    var before = w.indexStatus(INDEX);
    w.syncIndex(INDEX);
    FakeWorkspace.Fault boom = new FakeWorkspace.Fault(500, Map.of(), "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"boom\"}", false);
    ws.fail(GET, boom, boom, boom, boom, boom);
    List<String> log = new ArrayList<>();

    // when
    var done = IndexSyncWait.await(INDEX, before, w::indexStatus, FAST, log::add);

    // then
    assertThat(log).anyMatch(l -> l.contains("sin respuesta") && l.contains(INDEX));
    assertThat(done.idle()).isTrue();
    assertThat(done.lastProcessedVersion()).isGreaterThan(before.lastProcessedVersion());
  }

  @Test
  void should_call_nothing_and_refuse_a_bad_flag_when_vector_search_is_off_or_misspelt() {
    IndexSyncJob.Config off = IndexSyncJob.config(Map.of(), "--host", ws.url(), "--vector-search", "false");

    String line = IndexSyncJob.run(off, h -> workspace(), l -> { });

    assertThat(ws.calls()).isEmpty();
    assertThat(line).contains("Vector Search desactivado");
    assertThatThrownBy(() -> IndexSyncJob.config(Map.of(), "--vector-search", "si")).hasMessageContaining("true o false");
    assertThatThrownBy(() -> IndexSyncJob.config(Map.of(), "--host", ws.url(), "--vector-search", "true"))
        .hasMessageContaining("catálogo.esquema.índice");
    assertThatThrownBy(() -> IndexSyncJob.config(Map.of(), "--host", ws.url(), "--vector-search", "true",
        "--vector-search-index", INDEX, "--wait-seconds", "0")).hasMessageContaining("--wait-seconds");
  }

  @Test
  void should_fail_in_spanish_naming_the_index_when_the_workspace_has_no_such_index() {
    JobWorkspace w = workspace();

    assertThatThrownBy(() -> IndexSyncJob.run(on(), h -> w, FAST, l -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no se pudo sincronizar el índice de Vector Search " + INDEX)
        .hasMessageContaining("does not exist");
    assertThat(ws.calls(SYNC)).hasSize(1);
  }

  @Test
  void should_give_the_executors_the_token_the_workspace_client_authenticates_with() {
    assertThat(workspace().bearerToken()).isEqualTo("dapi-job");
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
    assertThat(cfg.indexWait()).isEqualTo(Duration.ofSeconds(900));
    assertThatThrownBy(() -> EmbedJob.config(Map.of(), "--wait-seconds", "0")).hasMessageContaining("--wait-seconds");
    assertThat(EmbedJob.config(Map.of(), "--provider", "databricks", "--endpoint", "gte", "--host", "https://h",
        "--vector-search", "false", "--vector-search-index", INDEX).vectorSearchIndex()).as("switched off").isNull();
    assertThatThrownBy(() -> EmbedJob.config(Map.of(), "--provider", "databricks", "--endpoint", "gte", "--host",
        "https://h", "--vector-search", "true")).hasMessageContaining("--vector-search-index");
    assertThatThrownBy(() -> EmbedJob.config(Map.of(), "--vector-search", "true", "--vector-search-index", INDEX))
        .hasMessageContaining("--provider databricks");
  }
}
