package io.datagent.embedding;

import java.util.List;
import java.util.Locale;

/**
 * What an EmbedJob run did: documents built by kind, what was embedded, deleted or left alone, and the documents
 * skipped with their reasons.
 */
public record EmbedReport(String model, long tableCards, long rows, long passages, long embedded, long deleted,
    long unchanged, List<String> skipped, double seconds) {

  public long documents() {
    return tableCards + rows + passages;
  }

  public String summary() {
    return String.format(Locale.ROOT, "Embeddings (%s): %d documentos (%d tablas, %d filas, %d pasajes) — %d vectorizados, "
            + "%d eliminados, %d sin cambios%s (%.1f s)", model, documents(), tableCards, rows, passages, embedded, deleted,
        unchanged, skipped.isEmpty() ? "" : "; " + skipped.size() + " aviso(s)", seconds);
  }
}
