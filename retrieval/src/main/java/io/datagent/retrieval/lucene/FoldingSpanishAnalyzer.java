package io.datagent.retrieval.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Spanish analysis for what users type: lower case, accents folded ({@code Hábil}, {@code habil} and {@code HÁBIL}
 * are one term), Spanish stop words removed (with and without accents), light Spanish stemming ({@code centrales} →
 * {@code central}).
 *
 * <p>Unlike Lucene's {@link SpanishAnalyzer} (which stems before it could fold and keeps accented stop words only),
 * folding comes first so a query without accents finds accented text and the other way round.
 */
public final class FoldingSpanishAnalyzer extends Analyzer {

  private static final CharArraySet STOP_WORDS = foldedStopWords();

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream ts = new LowerCaseFilter(source);
    ts = new ASCIIFoldingFilter(ts);
    ts = new StopFilter(ts, STOP_WORDS);
    ts = new SpanishLightStemFilter(ts);
    return new TokenStreamComponents(source, ts);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  private static CharArraySet foldedStopWords() {
    CharArraySet set = new CharArraySet(400, false);
    for (Object o : SpanishAnalyzer.getDefaultStopSet()) {
      char[] word = (char[]) o;
      char[] out = new char[word.length * 4];
      int n = ASCIIFoldingFilter.foldToASCII(word, 0, out, 0, word.length);
      set.add(new String(out, 0, n));
    }
    return CharArraySet.unmodifiableSet(set);
  }
}
