package io.datagent.retrieval;

/** Which rankings a search combines. */
public enum SearchMode {
  /** BM25 over the Spanish-analysed text only. */
  LEXICAL,
  /** HNSW nearest neighbours of the query embedding only. */
  VECTOR,
  /** Both, fused by reciprocal rank fusion (the default). */
  HYBRID;

  public static SearchMode parse(String s) {
    return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "bm25", "lexical", "lexico", "léxico" -> LEXICAL;
      case "vector", "vectors", "knn" -> VECTOR;
      case "hybrid", "hibrido", "híbrido" -> HYBRID;
      default -> throw new IllegalArgumentException("modo de búsqueda desconocido '" + s + "': use hybrid, bm25 o vector");
    };
  }
}
