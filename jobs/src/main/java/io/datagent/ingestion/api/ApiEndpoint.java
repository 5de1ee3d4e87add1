package io.datagent.ingestion.api;

import java.util.List;
import java.util.Map;

/**
 * One endpoint of a source and the table it feeds.
 *
 * @param path         appended to the source's base URL (may hold its own query string)
 * @param table        name of the raw and serving tables
 * @param recordsPath  dotted path to the array of records in the body ({@code ListaEESSPrecio}); empty when the body
 *                     itself is the array (WordPress)
 * @param id           field(s) that identify a record across pages and runs (flattened names, e.g. {@code IDEESS})
 * @param params       fixed query parameters
 * @param pagination   how to reach the next page
 * @param fields       flattened fields to keep, in order; empty keeps all
 * @param htmlFields   flattened fields whose HTML is reduced to text
 * @param descriptions column descriptions by flattened field name (the rest are described by the API's own
 *                     description, {@code schema}, else by their name)
 * @param schema       where the API describes its records, or {@link SchemaSource#NONE}
 */
public record ApiEndpoint(String path, String table, String recordsPath, RecordKey id, Map<String, String> params,
    Pagination pagination, List<String> fields, List<String> htmlFields, Map<String, String> descriptions,
    SchemaSource schema) {

  public ApiEndpoint {
    params = Map.copyOf(params);
    fields = List.copyOf(fields);
    htmlFields = List.copyOf(htmlFields);
    descriptions = Map.copyOf(descriptions);
  }
}
