package io.datagent.app.uploads;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Port: puts an uploaded file into the uploads Volume and runs the ingestion job on it.
 *
 * <p>Sides: Databricks (Files API upload, then {@code run-now} of the ingestion job, polled with
 * {@code runs/get}) and local (a copy into the workspace's uploads folder, then IngestJob in-process, one at a time).
 * NOTE: {@link #poll} must answer quickly and never throw for a run it does not know: it reports it as failed.
 */
public interface IngestionJobs {

  /**
   * Stages {@code content} at {@code relativePath} inside the uploads Volume and starts loading it.
   *
   * @return a reference to the run, for {@link #poll}
   */
  String start(String uploadId, Path content, String relativePath) throws IOException;

  /** Where the run stands now. */
  IngestionProgress poll(String runRef);

  /** The Volume path the file lands at (shown to the user). */
  String volumePath(String relativePath);
}
