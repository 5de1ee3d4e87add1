package io.datagent.app.uploads;

/**
 * What the ingestion did with one file (or sheet) of an upload: a line of {@code raw._ingestion_log}.
 *
 * @param message in plain Spanish, for the person who uploaded the file
 */
public record FileResult(String file, String table, String status, long rowsRead, long rowsLoaded, long rowsQuarantined,
    String message) {}
