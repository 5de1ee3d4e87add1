package io.datagent.ingestion;

/** Outcome of one source file in the ingestion log. */
public enum FileStatus {
  /** Every row loaded into the serving table. */
  LOADED,
  /**
   * Loaded, but some rows went to {@code raw._quarantine}, or with warnings the message lists (a malformed line of the
   * companion dictionary, with its file and line).
   */
  PARTIAL,
  /** Nothing of this file was written; the message says why. */
  FAILED,
  /** Same content (sha256) already loaded into the same table: nothing to do. */
  SKIPPED_DUPLICATE
}
