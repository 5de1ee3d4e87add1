package io.datagent.local.retrieval;

import io.datagent.retrieval.DocumentKind;
import io.datagent.retrieval.Hit;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.SearchRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The retrieval test set written from the sample files ({@code retrieval/preguntas.tsv}): Spanish questions, some
 * misspelled or without accents, each with the row, table card or passage that answers it; and recall@k and MRR.
 */
final class RetrievalTestSet {

  /** One question and what answers it: {@code tabla#fila}, {@code card:tabla} or {@code passage:archivo}. */
  record Question(String type, String text, String expected) {

    boolean answeredBy(Hit h) {
      if (expected.startsWith("card:")) {
        return DocumentKind.TABLE_CARD.equals(h.kind()) && expected.substring(5).equals(h.table());
      }
      if (expected.startsWith("passage:")) {
        return DocumentKind.PASSAGE.equals(h.kind()) && expected.substring(8).equals(h.sourceFile());
      }
      int hash = expected.indexOf('#');
      return DocumentKind.ROW.equals(h.kind()) && expected.substring(0, hash).equals(h.table())
          && h.sourceRow() != null && h.sourceRow() == Long.parseLong(expected.substring(hash + 1));
    }
  }

  /** Recall@k and mean reciprocal rank (over the first k hits) of one retriever on some questions. */
  record Score(int questions, int found, double mrr, List<String> misses) {
    double recall() {
      return questions == 0 ? 0 : (double) found / questions;
    }
  }

  static List<Question> load() {
    try (InputStream in = RetrievalTestSet.class.getResourceAsStream("/retrieval/preguntas.tsv")) {
      List<Question> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.add(new Question(f[0].trim(), f[1].trim(), f[2].trim()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Score score(Retriever retriever, List<Question> questions, int k) {
    int found = 0;
    double rr = 0;
    List<String> misses = new ArrayList<>();
    for (Question q : questions) {
      List<Hit> hits = retriever.search(SearchRequest.of(q.text(), k));
      int rank = -1;
      for (int i = 0; i < hits.size(); i++) {
        if (q.answeredBy(hits.get(i))) {
          rank = i + 1;
          break;
        }
      }
      if (rank > 0) {
        found++;
        rr += 1.0 / rank;
      } else {
        misses.add(q.text() + " → " + q.expected() + " (top: " + (hits.isEmpty() ? "-" : hits.get(0).id()) + ")");
      }
    }
    return new Score(questions.size(), found, questions.isEmpty() ? 0 : rr / questions.size(), misses);
  }

  static String row(String name, Score lookup, Score tables) {
    return String.format(Locale.ROOT, "%-10s | recall@5 %.2f  MRR %.2f (%d consultas) | recall@5 %.2f  MRR %.2f (%d)",
        name, lookup.recall(), lookup.mrr(), lookup.questions(), tables.recall(), tables.mrr(), tables.questions());
  }
}
