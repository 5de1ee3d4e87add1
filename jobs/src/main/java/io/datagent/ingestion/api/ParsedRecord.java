package io.datagent.ingestion.api;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * One record of a saved page, parsed once in a Spark task: its JSON text (for the raw table) and its flat fields
 * (for the typed serving table), with its lineage.
 *
 * @param json   the record as received (compact JSON)
 * @param hash   SHA-256 of {@code json}, hex (the serving table's {@code _record_hash})
 * @param fields flattened field name → text (see {@link RecordFlattener}), packed
 * @param index  position in the page, from 1
 */
record ParsedRecord(String json, String hash, FlatFields fields, String url, int page, int index, Timestamp fetchedAt)
    implements Serializable {

  /** Page and index in one number, for the driver's bookkeeping of repeated ids. */
  long position() {
    return position(page, index);
  }

  static long position(int page, int index) {
    return ((long) page << 32) | index;
  }
}
