package io.datagent.platform.vectorsearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What {@code GET /api/2.0/vector-search/indexes/{name}} says of an index's state, read from the response's
 * {@code status} object: {@code ready}, {@code message} and {@code indexed_row_count} (the fields databricks-sdk-java's
 * {@code VectorIndexStatus} types), plus {@code detailed_state} ({@code ONLINE_NO_PENDING_UPDATE},
 * {@code ONLINE_TRIGGERED_UPDATE}, {@code PROVISIONING_*}, {@code OFFLINE_FAILED}, {@code ONLINE_PIPELINE_FAILED}…) and
 * {@code triggered_update_status.last_processed_commit_version} of a TRIGGERED Delta Sync index, which the workspace
 * sends (the Python Vector Search client's {@code describe()} returns them) but the SDK's typed model drops.
 *
 * <p>NOTE: an index whose response has no {@code detailed_state} is judged on {@code ready} alone.
 *
 * @param ready                 whether the index can be searched
 * @param detailedState         the pipeline's state, or null when the response has none
 * @param message               the workspace's text about that state, or null
 * @param indexedRowCount       rows indexed, or null
 * @param lastProcessedVersion  the source table's last Delta version a triggered update processed, or null
 */
public record IndexStatus(boolean ready, String detailedState, String message, Long indexedRowCount,
    Long lastProcessedVersion) {

  /** The {@code status} of a GetIndex response body (a missing status reads as not ready, no state). */
  public static IndexStatus of(JsonNode index) {
    JsonNode s = index.path("status");
    JsonNode version = s.path("triggered_update_status").path("last_processed_commit_version");
    return new IndexStatus(s.path("ready").asBoolean(false), text(s.path("detailed_state")), text(s.path("message")),
        s.path("indexed_row_count").isNumber() ? s.path("indexed_row_count").asLong() : null,
        version.canConvertToLong() ? version.asLong() : null);
  }

  /** The pipeline failed ({@code OFFLINE_FAILED}, {@code ONLINE_PIPELINE_FAILED}, …): waiting will not help. */
  public boolean failed() {
    return detailedState != null && detailedState.toUpperCase(Locale.ROOT).contains("FAILED");
  }

  /** Searchable with no update running or pending ({@code ONLINE_NO_PENDING_UPDATE}, or ready with no state). */
  public boolean idle() {
    return ready && (detailedState == null || detailedState.equalsIgnoreCase("ONLINE_NO_PENDING_UPDATE")
        || detailedState.equalsIgnoreCase("ONLINE"));
  }

  /** One line for logs: the state, rows and message. */
  public String describe() {
    return (detailedState == null ? (ready ? "listo" : "no listo") : detailedState)
        + (indexedRowCount == null ? "" : ", " + indexedRowCount + " filas indexadas")
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private static String text(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
  }
}
