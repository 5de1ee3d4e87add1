package io.datagent.ingestion.api;

import java.time.Instant;
import java.util.Map;

/**
 * One record read back from a saved page: its JSON text, its flat fields and where it came from.
 *
 * @param json   the record as received (compact JSON)
 * @param fields flattened field name → text (see {@link RecordFlattener})
 * @param page   page number in the run
 * @param index  position in the page, from 1
 */
record ApiRecord(String json, Map<String, String> fields, String url, int page, int index, Instant fetchedAt, String pageFile) {}
