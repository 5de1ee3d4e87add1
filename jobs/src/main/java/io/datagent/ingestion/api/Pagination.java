package io.datagent.ingestion.api;

/**
 * How an endpoint is paged.
 *
 * <ul>
 *   <li>{@code NONE}: one request;</li>
 *   <li>{@code PAGE}: {@code page}/{@code per_page} parameters; stops at {@code X-WP-TotalPages} when the API sends
 *       it, else at a short or empty page;</li>
 *   <li>{@code LINK}: follows the RFC 8288 {@code Link} header's {@code rel="next"};</li>
 *   <li>{@code CURSOR}: a cursor at {@code next} in the body, sent back as {@code cursorParam};</li>
 *   <li>{@code NEXT_URL}: the next page's URL at {@code next} in the body;</li>
 *   <li>{@code OFFSET}: {@code offset}/{@code limit} parameters; stops at a short or empty page.</li>
 * </ul>
 */
public record Pagination(Style style, String pageParam, String sizeParam, int size, String cursorParam, String next,
    String offsetParam, int maxPages) {

  public static final Pagination NONE = new Pagination(Style.NONE, null, null, 0, null, null, null, 1);

  /** The pagination styles a source file may name (YAML {@code pagination.type}). */
  public enum Style { NONE, PAGE, LINK, CURSOR, NEXT_URL, OFFSET }
}
