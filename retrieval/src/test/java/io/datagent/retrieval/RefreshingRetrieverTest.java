package io.datagent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefreshingRetrieverTest {

  static final HashingEmbeddingModel MODEL = new HashingEmbeddingModel("test/hash", 64);

  @TempDir
  Path tmp;

  /** The embeddings table as a list that tests change between versions. */
  static final class ListSource implements DocumentSource {
    volatile long version = 1;
    volatile List<IndexedDocument> docs = new ArrayList<>();
    volatile RuntimeException failure;

    @Override
    public long version() {
      return version;
    }

    @Override
    public void read(long v, Consumer<IndexedDocument> sink) {
      if (failure != null) {
        throw failure;
      }
      docs.forEach(sink);
    }

    @Override
    public String describe() {
      return "serving.document_embeddings (test)";
    }
  }

  ListSource source;

  static IndexedDocument doc(String id, String kind, String table, Long row, String text) {
    return new IndexedDocument(id, kind, table, table == null ? "_docs/g.md" : table + ".csv", row, text, MODEL.id(), MODEL.embed(text));
  }

  @BeforeEach
  void data() {
    source = new ListSource();
    source.docs = new ArrayList<>(List.of(
        doc("table_card:potencia", DocumentKind.TABLE_CARD, "potencia", null, "Tabla potencia: centrales y su potencia instalada en MW"),
        doc("row:potencia:1", DocumentKind.ROW, "potencia", 2L, "Central: ABRO; Agente: C.T. ALMIRANTE BROWN; Potencia instalada [MW]: 25"),
        doc("row:potencia:2", DocumentKind.ROW, "potencia", 3L, "Central: ACAJ; Agente: C.T. AGUA DEL CAJON; Potencia instalada [MW]: 184.4"),
        doc("row:potencia:3", DocumentKind.ROW, "potencia", 4L, "Central: ALICHI; Agente: AES ALICURÁ; Tecnología: Hidráulica"),
        doc("row:demanda:1", DocumentKind.ROW, "demanda", 2L, "Fecha: 2022-01-13 (13 de enero de 2022); Demanda distribuidor: 20991.6; Hábil"),
        doc("passage:g:3", DocumentKind.PASSAGE, null, 3L, "GUMAs: grandes usuarios mayores del mercado eléctrico")));
  }

  RefreshingRetriever open(SearchMode mode) {
    return RefreshingRetriever.open(source, MODEL, RetrieverConfig.defaults().withMode(mode).withWorkDir(tmp)
        .withRefreshInterval(Duration.ZERO));
  }

  @Test
  void should_put_the_row_with_the_code_and_its_table_card_on_top_when_searching_hybrid() {
    try (RefreshingRetriever r = open(SearchMode.HYBRID)) {
      // when
      List<Hit> hits = r.search(SearchRequest.of("potencia instalada de la central ABRO", 3));

      // then
      assertThat(hits).hasSize(3);
      assertThat(hits.subList(0, 2)).extracting(Hit::id).containsExactlyInAnyOrder("row:potencia:1", "table_card:potencia");
      Hit row = hits.stream().filter(h -> h.id().equals("row:potencia:1")).findFirst().orElseThrow();
      assertThat(row).isEqualTo(new Hit("row:potencia:1", "row", "potencia", "potencia.csv", 2L,
          "Central: ABRO; Agente: C.T. ALMIRANTE BROWN; Potencia instalada [MW]: 25", row.score()));
      assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(hits.get(1).score()).isPositive();
    }
    try (RefreshingRetriever r = open(SearchMode.LEXICAL)) {
      assertThat(r.search(SearchRequest.of("potencia instalada de la central ABRO", 1)).get(0).id()).isEqualTo("row:potencia:1");
    }
  }

  @Test
  void should_find_misspelled_and_unaccented_words() {
    try (RefreshingRetriever r = open(SearchMode.LEXICAL)) {
      assertThat(r.search(SearchRequest.of("hidraulica alicura", 1)).get(0).id()).isEqualTo("row:potencia:3");
      assertThat(r.search(SearchRequest.of("demanda del distribuidr habil", 1)).get(0).id()).isEqualTo("row:demanda:1");
      assertThat(r.search(SearchRequest.of("potensia almirante", 1)).get(0).id()).isEqualTo("row:potencia:1");
    }
  }

  @Test
  void should_expand_a_misspelt_word_against_the_current_version_after_a_refresh() {
    try (RefreshingRetriever r = open(SearchMode.LEXICAL)) {
      // the expansion of "almirnte" is kept for this version: asked twice, same answer
      assertThat(r.search(SearchRequest.of("almirnte", 5))).extracting(Hit::id).containsExactly("row:potencia:1");
      assertThat(r.search(SearchRequest.of("almirnte", 5))).extracting(Hit::id).containsExactly("row:potencia:1");

      // a new version adds a row with a word closer to the typo: the new snapshot expands it afresh
      source.docs.add(doc("row:potencia:9", DocumentKind.ROW, "potencia", 9L, "Central: ALMIRANTE2; Agente: ALMIRNTEZ"));
      source.version = 2;
      assertThat(r.refresh()).isTrue();
      assertThat(r.search(SearchRequest.of("almirnte", 5))).extracting(Hit::id).contains("row:potencia:1", "row:potencia:9");
    }
  }

  @Test
  void should_return_only_the_requested_tables_and_kinds() {
    try (RefreshingRetriever r = open(SearchMode.HYBRID)) {
      // when
      List<Hit> cards = r.search(new SearchRequest("potencia central", 10, Set.of(), Set.of(DocumentKind.TABLE_CARD)));
      List<Hit> demanda = r.search(new SearchRequest("potencia demanda central", 10, Set.of("demanda"), Set.of()));
      List<Hit> passages = r.search(new SearchRequest("grandes usuarios", 10, Set.of(), Set.of(DocumentKind.PASSAGE)));

      // then
      assertThat(cards).extracting(Hit::kind).containsOnly(DocumentKind.TABLE_CARD);
      assertThat(demanda).extracting(Hit::table).containsOnly("demanda");
      assertThat(passages).singleElement().satisfies(h -> {
        assertThat(h.table()).isNull();
        assertThat(h.sourceFile()).isEqualTo("_docs/g.md");
        assertThat(h.sourceRow()).isEqualTo(3L);
      });
    }
  }

  @Test
  void should_refuse_an_index_built_by_another_model() {
    // given
    source.docs.add(new IndexedDocument("x", "row", "t", null, null, "otro", "onnx/other", new float[64]));
    source.docs.set(0, new IndexedDocument("y", "row", "t", null, null, "otro", "databricks/gte", new float[] {1, 2, 3}));

    // when / then
    assertThatThrownBy(() -> open(SearchMode.HYBRID)).isInstanceOf(ModelMismatchException.class)
        .hasMessageContaining("databricks/gte").hasMessageContaining("test/hash").hasMessageContaining("--rebuild");
  }

  @Test
  void should_search_without_vectors_when_lexical_only() {
    // given: a deployment without an embedding model
    try (RefreshingRetriever r = RefreshingRetriever.open(source, new DisabledEmbeddingModel("sin endpoint"),
        RetrieverConfig.defaults().withMode(SearchMode.LEXICAL).withWorkDir(tmp).withRefreshInterval(Duration.ZERO))) {
      assertThat(r.search(SearchRequest.of("ABRO", 1)).get(0).id()).isEqualTo("row:potencia:1");
    }
  }

  @Test
  void should_swap_in_a_new_version_while_searches_keep_running() throws Exception {
    try (RefreshingRetriever r = open(SearchMode.HYBRID)) {
      // given: searches running in a loop on another thread
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger searches = new AtomicInteger();
      AtomicReference<Throwable> error = new AtomicReference<>();
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          try {
            r.search(SearchRequest.of("central ABRO", 2));
            searches.incrementAndGet();
          } catch (Throwable e) {
            error.set(e);
            return;
          }
        }
      });
      t.start();

      // when: a new version adds a row, several times
      for (int v = 2; v <= 6; v++) {
        source.docs.add(doc("row:potencia:new" + v, DocumentKind.ROW, "potencia", 100L + v, "Central: NUEVA" + v + "; Potencia instalada [MW]: 10"));
        source.version = v;
        assertThat(r.refresh()).isTrue();
      }
      stop.set(true);
      t.join();

      // then
      assertThat(error.get()).isNull();
      assertThat(searches.get()).isPositive();
      assertThat(r.version()).isEqualTo(6);
      assertThat(r.search(SearchRequest.of("nueva6", 1)).get(0).id()).isEqualTo("row:potencia:new6");
      assertThat(r.refresh()).isFalse();
      assertThat(tmp.toFile().list()).hasSize(1); // old index folders are deleted once released
    }
  }

  @Test
  void should_keep_searching_the_current_version_when_a_refresh_fails() {
    try (RefreshingRetriever r = RefreshingRetriever.open(source, MODEL,
        RetrieverConfig.defaults().withWorkDir(tmp).withRefreshInterval(Duration.ofMillis(20)))) {
      // given
      source.failure = new IllegalStateException("disco lleno");
      source.version = 2;

      // when
      assertThatThrownBy(r::refresh).hasMessageContaining("disco lleno");

      // then
      assertThat(r.version()).isEqualTo(1);
      assertThat(r.search(SearchRequest.of("ABRO", 1))).isNotEmpty();
    }
  }

  @Test
  void should_return_no_hits_from_an_empty_table_and_reject_blank_queries() {
    source.docs = new ArrayList<>();
    try (RefreshingRetriever r = open(SearchMode.HYBRID)) {
      assertThat(r.search(SearchRequest.of("algo", 5))).isEmpty();
      assertThat(r.search(SearchRequest.of("🔥🔥", 5))).isEmpty();
    }
    assertThatThrownBy(() -> SearchRequest.of("  ", 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SearchRequest.of("x", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_search_with_the_newest_tuning_when_the_tuning_changes_without_reopening_the_index() {
    io.datagent.retrieval.lucene.LuceneRetriever.Tuning promoted =
        new io.datagent.retrieval.lucene.LuceneRetriever.Tuning(50, 60, 0.2, 2.0, 0.0);
    SearchRequest q = SearchRequest.of("potencia instalada de la central ABRO", 4);
    List<Hit> withDefault;
    List<Hit> withPromoted;
    try (RefreshingRetriever fixed = open(SearchMode.HYBRID)) {
      withDefault = fixed.search(q);
    }
    try (RefreshingRetriever fixed = RefreshingRetriever.open(source, MODEL, RetrieverConfig.defaults().withWorkDir(tmp)
        .withRefreshInterval(Duration.ZERO).withTuning(promoted))) {
      withPromoted = fixed.search(q);
    }
    assertThat(withPromoted).isNotEqualTo(withDefault); // the two tunings rank (or score) differently

    // given one retriever whose tuning source is switched after it opened
    AtomicReference<io.datagent.retrieval.lucene.LuceneRetriever.Tuning> served =
        new AtomicReference<>(io.datagent.retrieval.lucene.LuceneRetriever.Tuning.DEFAULT);
    try (RefreshingRetriever r = RefreshingRetriever.open(source, MODEL, RetrieverConfig.defaults().withWorkDir(tmp)
        .withRefreshInterval(Duration.ZERO).withTuning(served::get))) {
      assertThat(r.search(q)).isEqualTo(withDefault);

      // when the optimisation promotes another tuning
      served.set(promoted);

      // then the next search uses it
      assertThat(r.search(q)).isEqualTo(withPromoted);
    }
  }
}
