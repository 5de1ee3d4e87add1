package io.datagent.ingestion;

import java.util.List;

/** Everything one ingestion run did, file by file. */
public record IngestReport(String batchId, List<FileOutcome> files, long millis) {

  public boolean anyFailed() {
    return files.stream().anyMatch(f -> f.status() == FileStatus.FAILED);
  }

  public long count(FileStatus status) {
    return files.stream().filter(f -> f.status() == status).count();
  }

  public long rowsLoaded() {
    return files.stream().mapToLong(FileOutcome::rowsLoaded).sum();
  }

  public long rowsQuarantined() {
    return files.stream().mapToLong(FileOutcome::rowsQuarantined).sum();
  }

  /** The one-line summary printed at the end of a run (Spanish: business users read it). */
  public String summary() {
    return String.format(
        "Ingesta %s: %d archivos — %d cargados, %d parciales, %d con error, %d sin cambios; %d filas cargadas, %d en cuarentena (%.1f s)",
        batchId, files.size(), count(FileStatus.LOADED), count(FileStatus.PARTIAL), count(FileStatus.FAILED),
        count(FileStatus.SKIPPED_DUPLICATE), rowsLoaded(), rowsQuarantined(), millis / 1000.0);
  }
}
