package io.datagent.retrieval.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a user typed into a BM25 query: the text is analysed like the documents (accents folded, stop words
 * dropped, Spanish stems); every term is an optional clause, so more matching terms rank higher.
 *
 * <p>Typos: a term the index does not contain at all ({@code potensia}, {@code instalda}) is searched as a fuzzy
 * term (one edit up to 6 letters, two above, first letter fixed), which finds the intended word without making
 * correctly spelled queries slower or noisier.
 */
public final class LexicalQuery {

  static final int MAX_TERMS = 64;

  private LexicalQuery() {}

  /** The analysed terms of {@code text}, in order, without repeats. */
  public static Set<String> terms(String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = LuceneIndex.analyzer().tokenStream(LuceneIndex.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < MAX_TERMS) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  /** The query for {@code text} restricted by {@code filter} (null: none), or null when nothing is searchable. */
  public static Query build(LuceneIndex index, String text, Query filter) {
    return build(index, text, filter, null);
  }

  /** As {@link #build(LuceneIndex, String, Query)}, also excluding what {@code exclude} matches (null: nothing). */
  public static Query build(LuceneIndex index, String text, Query filter, Query exclude) {
    IndexReader reader = index.searcher().getIndexReader();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    try {
      for (String t : terms(text)) {
        Term term = new Term(LuceneIndex.TEXT, t);
        if (reader.docFreq(term) > 0 || t.length() < 4 || isNumber(t)) {
          b.add(new TermQuery(term), BooleanClause.Occur.SHOULD);
        } else {
          b.add(index.fuzzy(term, t.length() > 6 ? 2 : 1), BooleanClause.Occur.SHOULD);
        }
        clauses++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (clauses == 0) {
      return null;
    }
    if (filter != null) {
      b.add(filter, BooleanClause.Occur.FILTER);
    }
    if (exclude != null) {
      b.add(exclude, BooleanClause.Occur.MUST_NOT);
    }
    b.setMinimumNumberShouldMatch(1);
    return b.build();
  }

  private static boolean isNumber(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(Character.isDigit(c) || c == '.' || c == ',')) {
        return false;
      }
    }
    return true;
  }
}
