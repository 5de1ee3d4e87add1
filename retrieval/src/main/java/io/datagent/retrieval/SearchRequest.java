package io.datagent.retrieval;

import java.util.Set;

/**
 * One search: the user's text, how many hits to return, and optional filters.
 *
 * <p>Empty sets mean no filter. {@code kinds} takes the values of {@link DocumentKind}. The text may be anything a
 * user typed (misspelled, without accents, with emoji); it must not be blank.
 *
 * @param text   what to search for
 * @param k      how many hits to return, 1 to {@link #MAX_K}
 * @param tables only hits of these tables (table name without schema, e.g. {@code potenciainstalada})
 * @param kinds  only hits of these kinds
 */
public record SearchRequest(String text, int k, Set<String> tables, Set<String> kinds) {

  public static final int MAX_K = 1000;

  public SearchRequest {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("SearchRequest: the search text is empty");
    }
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("SearchRequest: k must be between 1 and " + MAX_K + ", got " + k);
    }
    tables = tables == null ? Set.of() : Set.copyOf(tables);
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
  }

  /** A search without filters. */
  public static SearchRequest of(String text, int k) {
    return new SearchRequest(text, k, Set.of(), Set.of());
  }
}
