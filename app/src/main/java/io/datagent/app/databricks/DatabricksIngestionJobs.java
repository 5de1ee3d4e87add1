package io.datagent.app.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.catalog.IngestionEntry;
import io.datagent.app.uploads.FileResult;
import io.datagent.app.uploads.IngestionJobs;
import io.datagent.app.uploads.IngestionProgress;
import io.datagent.app.uploads.UploadStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Databricks side of {@link IngestionJobs}: the file goes to the uploads Volume with the Files API
 * ({@code PUT /api/2.0/fs/files/Volumes/...}), the ingestion job is started with {@code POST /api/2.1/jobs/run-now}
 * and followed with {@code GET /api/2.1/jobs/runs/get}; the per-file results come from {@code raw._ingestion_log},
 * where the job stamps its run id as batch id.
 */
public final class DatabricksIngestionJobs implements IngestionJobs {

  private final DatabricksClient client;
  private final String volume;
  private final long jobId;
  private final DataCatalog catalog;

  public DatabricksIngestionJobs(DatabricksClient client, String volume, long jobId, DataCatalog catalog) {
    this.client = client;
    this.volume = volume.endsWith("/") ? volume.substring(0, volume.length() - 1) : volume;
    this.jobId = jobId;
    this.catalog = catalog;
  }

  @Override
  public String volumePath(String relativePath) {
    return volume + "/" + relativePath;
  }

  @Override
  public String start(String uploadId, Path content, String relativePath) {
    String encoded = Arrays.stream(volumePath(relativePath).split("/")).filter(s -> !s.isEmpty())
        .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")).collect(Collectors.joining("/", "/", ""));
    client.put("/api/2.0/fs/files" + encoded + "?overwrite=true", content);
    JsonNode run = client.post("/api/2.1/jobs/run-now", Map.of("job_id", jobId, "idempotency_token", uploadId));
    return run.path("run_id").asLong() + ":" + relativePath;
  }

  @Override
  public IngestionProgress poll(String runRef) {
    int colon = runRef.indexOf(':');
    String runId = runRef.substring(0, colon);
    String relative = runRef.substring(colon + 1);
    JsonNode state;
    try {
      state = client.get("/api/2.1/jobs/runs/get?run_id=" + runId).path("state");
    } catch (DatabricksException e) {
      return new IngestionProgress(UploadStatus.RUNNING, "No se pudo consultar la carga en Databricks; se reintenta.", List.of(), null);
    }
    String life = state.path("life_cycle_state").asText("PENDING");
    String detail = state.path("state_message").asText("");
    return switch (life) {
      case "PENDING", "QUEUED", "BLOCKED", "WAITING_FOR_RETRY" ->
          new IngestionProgress(UploadStatus.QUEUED, "En cola en Databricks" + (detail.isBlank() ? "" : ": " + detail), List.of(), null);
      case "RUNNING", "TERMINATING" -> new IngestionProgress(UploadStatus.RUNNING, "Cargando en Databricks…", List.of(), null);
      default -> finished(runId, relative, state.path("result_state").asText(life), detail);
    };
  }

  private IngestionProgress finished(String runId, String relative, String result, String detail) {
    List<FileResult> files = results(catalog.ingestions(runId, 500), relative);
    if (files.isEmpty()) {
      // Another run (the file-arrival trigger) may have taken the file first: its latest line tells.
      files = results(catalog.ingestions(null, 500), relative).stream().limit(1).toList();
    }
    if (files.isEmpty()) {
      return IngestionProgress.failed("La carga en Databricks terminó (" + result + ") sin registrar el archivo"
          + (detail.isBlank() ? "." : ": " + detail));
    }
    return IngestionProgress.finished(files);
  }

  static List<FileResult> results(List<IngestionEntry> log, String relative) {
    return log.stream().filter(e -> e.file() != null && (e.file().equals(relative) || e.file().startsWith(relative + "#")
            || e.file().startsWith(relative + " ") || e.file().endsWith("/" + relative)))
        .map(e -> new FileResult(e.file(), e.table(), e.status(), e.rowsRead(), e.rowsLoaded(), e.rowsQuarantined(), e.message()))
        .toList();
  }
}
