package io.datagent.app.catalog;

import java.time.Instant;

/** One line of {@code raw._ingestion_log}: what one run did with one file (or sheet). */
public record IngestionEntry(String file, String dataset, String table, String status, long rowsRead, long rowsLoaded,
    long rowsQuarantined, String message, String batchId, Instant startedAt, Instant endedAt) {}
