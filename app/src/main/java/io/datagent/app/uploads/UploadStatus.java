package io.datagent.app.uploads;

/** Where an upload stands. The last four are final and mirror the ingestion log's statuses. */
public enum UploadStatus {
  QUEUED, RUNNING, LOADED, PARTIAL, FAILED, SKIPPED_DUPLICATE;

  public boolean done() {
    return this != QUEUED && this != RUNNING;
  }
}
