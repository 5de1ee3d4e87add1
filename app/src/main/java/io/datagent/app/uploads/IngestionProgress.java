package io.datagent.app.uploads;

import java.util.List;

/**
 * What an ingestion run reports while it runs and when it ends.
 *
 * @param progress the latest progress line (Spanish), or null
 * @param files    one result per file or sheet once the run ended (empty before)
 * @param message  a summary in plain words once ended (why it failed, what was loaded)
 */
public record IngestionProgress(UploadStatus status, String progress, List<FileResult> files, String message) {

  public IngestionProgress {
    files = files == null ? List.of() : List.copyOf(files);
  }

  public static IngestionProgress queued() {
    return new IngestionProgress(UploadStatus.QUEUED, "En cola", List.of(), null);
  }

  public static IngestionProgress failed(String message) {
    return new IngestionProgress(UploadStatus.FAILED, null, List.of(), message);
  }

  /** The end of a run, from its per-file results: status and a summary in plain words. */
  public static IngestionProgress finished(List<FileResult> files) {
    UploadStatus status = statusOf(files);
    long loaded = files.stream().mapToLong(FileResult::rowsLoaded).sum();
    long quarantined = files.stream().mapToLong(FileResult::rowsQuarantined).sum();
    String message = switch (status) {
      case LOADED -> "Carga completa: " + loaded + " filas.";
      case PARTIAL -> "Carga parcial: " + loaded + " filas cargadas; " + quarantined
          + " no encajaban con el tipo de su columna y quedaron en cuarentena.";
      case SKIPPED_DUPLICATE -> "Ese contenido ya estaba cargado: no se cambió nada.";
      default -> files.stream().filter(f -> "FAILED".equals(f.status())).map(FileResult::message)
          .filter(java.util.Objects::nonNull).findFirst().orElse("La carga no terminó bien.");
    };
    return new IngestionProgress(status, "Terminada", files, message);
  }

  public long rowsLoaded() {
    return files.stream().mapToLong(FileResult::rowsLoaded).sum();
  }

  public long rowsQuarantined() {
    return files.stream().mapToLong(FileResult::rowsQuarantined).sum();
  }

  /** The upload's status from its files: FAILED wins, then PARTIAL, then LOADED, else all duplicates. */
  public static UploadStatus statusOf(List<FileResult> files) {
    if (files.isEmpty()) {
      return UploadStatus.FAILED;
    }
    for (String s : List.of("FAILED", "PARTIAL", "LOADED")) {
      if (files.stream().anyMatch(f -> s.equals(f.status()))) {
        return UploadStatus.valueOf(s);
      }
    }
    return UploadStatus.SKIPPED_DUPLICATE;
  }
}
