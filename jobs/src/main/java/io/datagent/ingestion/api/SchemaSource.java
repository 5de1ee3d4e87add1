package io.datagent.ingestion.api;

/**
 * Where an endpoint's column descriptions come from when the source file has no field dictionary for them: the
 * API's own description of its records.
 *
 * @param kind      {@code WORDPRESS}: the route's {@code OPTIONS} answer ({@code schema.properties.<field>.description},
 *                  else the write endpoints' {@code args.<field>.description}); {@code OPENAPI}: an OpenAPI (or Swagger 2)
 *                  document's {@code components.schemas.<component>.properties.<field>.description}
 * @param url       the document: absolute, or a path appended to the source's base URL; for WordPress, by default the
 *                  endpoint's own path
 * @param component the OpenAPI schema that describes one record, or a dotted path to the records inside a wrapper
 *                  schema ({@code dataSetList.apis}: the items of its {@code apis} array); null for WordPress
 */
public record SchemaSource(Kind kind, String url, String component) {

  /** The kinds of API self-description read. */
  public enum Kind { NONE, WORDPRESS, OPENAPI }

  public static final SchemaSource NONE = new SchemaSource(Kind.NONE, null, null);

  public boolean enabled() {
    return kind != Kind.NONE;
  }
}
