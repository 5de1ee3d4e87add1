package io.datagent.ingestion;

import java.time.Instant;

/** One line of {@code raw._ingestion_log}: what happened to one source file (or sheet) in one run. */
public record FileOutcome(
    String file,
    String sha256,
    String dataset,
    String table,
    long rowsRead,
    long rowsLoaded,
    long rowsQuarantined,
    FileStatus status,
    String message,
    String batchId,
    Instant startedAt,
    Instant endedAt) {}
