package io.datagent.local.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.retrieval.EmbeddingModel;
import io.datagent.retrieval.RefreshingRetriever;
import io.datagent.retrieval.RetrieverConfig;
import io.datagent.retrieval.SearchMode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality on the sample files: recall@5 and MRR of BM25 only, vectors only and hybrid over the questions of
 * {@code retrieval/preguntas.tsv} (Spanish, with misspellings and missing accents), printed as a table. Target:
 * hybrid recall@5 ≥ 0.9 on lookup questions.
 */
class RetrievalQualityTest {

  @Test
  void should_find_the_answer_in_the_top_5_for_at_least_90_percent_of_lookup_questions_when_hybrid() {
    // given
    List<RetrievalTestSet.Question> questions = RetrievalTestSet.load();
    List<RetrievalTestSet.Question> lookups = questions.stream().filter(q -> q.type().equals("lookup")).toList();
    List<RetrievalTestSet.Question> tables = questions.stream().filter(q -> q.type().equals("tabla")).toList();
    EmbeddingModel model = LocalRetrievers.defaultModel();
    Map<SearchMode, RetrievalTestSet.Score> lookup = new EnumMap<>(SearchMode.class);

    // when
    System.out.println("Calidad de búsqueda (" + SamplesWorkspace.report().documents() + " documentos): "
        + "preguntas de búsqueda puntual | preguntas de tabla");
    for (SearchMode mode : List.of(SearchMode.LEXICAL, SearchMode.VECTOR, SearchMode.HYBRID)) {
      try (RefreshingRetriever r = LocalRetrievers.open(SamplesWorkspace.tables(), model,
          RetrieverConfig.defaults().withMode(mode).withRefreshInterval(Duration.ZERO))) {
        RetrievalTestSet.Score l = RetrievalTestSet.score(r, lookups, 5);
        RetrievalTestSet.Score t = RetrievalTestSet.score(r, tables, 5);
        lookup.put(mode, l);
        System.out.println("  " + RetrievalTestSet.row(mode == SearchMode.LEXICAL ? "BM25" : mode.name().toLowerCase(), l, t));
        if (mode == SearchMode.HYBRID) {
          l.misses().forEach(m -> System.out.println("    no encontrada: " + m));
        }
      }
    }

    // then
    assertThat(lookups).hasSizeGreaterThanOrEqualTo(40);
    assertThat(lookup.get(SearchMode.HYBRID).recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(lookup.get(SearchMode.HYBRID).recall()).isGreaterThanOrEqualTo(lookup.get(SearchMode.VECTOR).recall());
  }
}
