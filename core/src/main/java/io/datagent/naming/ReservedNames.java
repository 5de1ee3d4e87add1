package io.datagent.naming;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Table names the platform itself writes, which an upload must never take: the search tables EmbedJob keeps in the
 * serving schema ({@code documents}, {@code document_embeddings}), and every name starting with {@code _} (the
 * ingestion log {@code raw._ingestion_log}, the row quarantine {@code raw._quarantine}, the local workspace's
 * {@code tables/_quarantine} folder, lineage columns). One rule shared by the App's upload route and IngestJob, so a
 * reserved name is refused before anything is written.
 */
public final class ReservedNames {

  /** Exact table names reserved in every schema (compared case-insensitively). */
  public static final Set<String> TABLES = Set.of("documents", "document_embeddings");

  private ReservedNames() {}

  /** True when {@code table} (a target table name, as derived from a dataset or file name) is reserved. */
  public static boolean isReserved(String table) {
    if (table == null) {
      return false;
    }
    String t = table.strip().toLowerCase(Locale.ROOT);
    return t.startsWith("_") || TABLES.contains(t);
  }

  /**
   * The Spanish message for business users when {@code table} is reserved, or empty when it may be used.
   *
   * @param shownAs what the user wrote (dataset or file name), quoted in the message
   */
  public static Optional<String> refusal(String table, String shownAs) {
    if (!isReserved(table)) {
      return Optional.empty();
    }
    return Optional.of("El nombre de tabla «" + (shownAs == null || shownAs.isBlank() ? table : shownAs.strip())
        + "» está reservado para uso interno de la plataforma (" + String.join(", ", TABLES.stream().sorted().toList())
        + " y los nombres que empiezan por «_»). Elige otro nombre de tabla o cambia el nombre del archivo.");
  }
}
