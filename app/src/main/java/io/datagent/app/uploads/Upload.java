package io.datagent.app.uploads;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One file uploaded from the Datos page and what its ingestion did (a row of {@code app.uploads}). */
public record Upload(
    UUID id,
    String userEmail,
    String fileName,
    String dataset,
    String volumePath,
    long sizeBytes,
    UploadStatus status,
    String progress,
    String runRef,
    long rowsLoaded,
    long rowsQuarantined,
    List<FileResult> files,
    String message,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt) {}
