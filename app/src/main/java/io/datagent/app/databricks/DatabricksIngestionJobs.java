package io.datagent.app.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.app.catalog.IngestionEntry;
import io.datagent.app.uploads.FileResult;
import io.datagent.app.uploads.IngestionJobs;
import io.datagent.app.uploads.IngestionProgress;
import io.datagent.app.uploads.UploadStatus;
import io.datagent.platform.Json;
import io.datagent.platform.PlatformException;
import io.datagent.platform.files.VolumeFiles;
import io.datagent.platform.jobs.PlatformJobs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Databricks side of {@link IngestionJobs}, on the platform layer: the file goes to the uploads Volume
 * (Files API), the ingestion job is started with {@code run-now} (the upload id as idempotency token, so a retried
 * start never runs the job twice) and followed with {@code runs/get} (Jobs API 2.2); the per-file results come from {@code raw._ingestion_log},
 * where the job stamps its run id as batch id.
 */
public final class DatabricksIngestionJobs implements IngestionJobs {

  private final VolumeFiles files;
  private final PlatformJobs jobs;
  private final String volume;
  private final long jobId;
  private final DataCatalog catalog;

  public DatabricksIngestionJobs(VolumeFiles files, PlatformJobs jobs, String volume, long jobId, DataCatalog catalog) {
    this.files = files;
    this.jobs = jobs;
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
    files.upload(volumePath(relativePath), content);
    return jobs.runNow(jobId, Map.of(), uploadId) + ":" + relativePath;
  }

  @Override
  public IngestionProgress poll(String runRef) {
    int colon = runRef.indexOf(':');
    String runId = runRef.substring(0, colon);
    String relative = runRef.substring(colon + 1);
    JsonNode state;
    try {
      state = Json.tree(jobs.getRun(Long.parseLong(runId), null)).path("state");
    } catch (PlatformException e) {
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
