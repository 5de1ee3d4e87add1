package io.datagent.app.apisources;

import java.time.Instant;
import java.util.List;

/**
 * What the Datos page shows of one API source: its definition, its last run, its high-water mark and its latest
 * errors.
 *
 * @param file       the definition's file name in {@code api/_sources/}
 * @param invalid    why the definition could not be read (Spanish), else null
 * @param lastRun    null when the source never ran
 * @param errors     newest first: the run's failure (fetch or load) and the records sent to quarantine
 */
public record ApiSourceView(String name, String file, String baseUrl, List<Endpoint> endpoints, LastRun lastRun,
    String highWaterMark, List<ApiError> errors, String invalid) {

  /** One endpoint and the serving table it loads. */
  public record Endpoint(String path, String table, String idField) {}

  /**
   * The last run: its id, when the source's state last changed, its status (LOADED, FAILED, or the log's status of
   * each table), and pages and records summed over the endpoints whose extraction finished.
   */
  public record LastRun(String run, Instant at, String status, Long pages, Long records, Long loaded, Long quarantined,
      List<TableRun> tables) {}

  /** One endpoint's line of the ingestion log for the last run. */
  public record TableRun(String table, String status, Long pages, Long records, long loaded, long quarantined, String message) {}

  /** One error: where (source, run, table, page, record, field) and what. */
  public record ApiError(String source, String run, String table, Integer page, Long record, String field, String value,
      String reason, Instant at) {}
}
