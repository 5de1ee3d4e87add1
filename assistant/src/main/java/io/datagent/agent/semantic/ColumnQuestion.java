package io.datagent.agent.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a question asks what a column (or a table) means rather than for a number: "¿qué significa la columna X?",
 * "¿en qué unidad está X?", "¿qué quiere decir el código I en X?", "¿de dónde sale X?". Read on the folded words
 * with one typo allowed per intent word; a question that also asks for an amount (an aggregation, a share, a
 * count outside the names it mentions) is analytic and left to the compiler.
 */
record ColumnQuestion(Asked asked, boolean explicitColumn, boolean explicitTable, List<Token> tokens, Set<Integer> intentWords) {

  /** What the question wants to know about the column. */
  enum Asked { MEANING, UNIT, SOURCE, CODE, NOTE }

  private static final List<String> INTENT = List.of("significa", "significan", "significado", "definicion", "representa",
      "representan", "describe", "describir", "explica", "explicar", "explicacion", "indica", "indican", "contiene",
      "contienen", "unidad", "unidades", "expresado", "expresada", "expresados", "expresadas", "expresa", "medido",
      "medida", "medidos", "medidas", "mide", "miden", "proviene", "provienen", "procede", "proceden", "origen", "fuente",
      "codigo", "codigos", "sigla", "siglas", "abreviatura", "corresponde", "corresponden", "aclara", "aclaracion",
      "nota", "notas", "columna", "columnas", "campo", "campos", "quiere", "quieren", "decir", "sale", "salen", "viene",
      "vienen", "obtiene", "obtienen", "donde", "tipo", "planilla", "archivo");
  private static final Pattern STRONG = Pattern.compile("\\b(significan?|significado|definicion|quieren? decir)\\b");
  private static final Pattern UNIT = Pattern.compile("(?<!por )\\bunidad(es)?\\b|\\bse (miden?|expresan?)\\b"
      + "|\\b(estan?|vienen?) (expresad|medid)[oa]s?\\b");
  private static final Pattern SOURCE = Pattern.compile("\\bde donde (salen?|vienen?|provienen?|proceden?|se obtienen?)\\b"
      + "|\\bprovienen?\\b|\\bproceden?\\b|\\borigen de\\b|\\bfuente de (los |estos |esos )?datos\\b");
  private static final Pattern CODE = Pattern.compile("\\b(codigos?|siglas?|abreviatura)\\b");
  private static final Pattern NOTE = Pattern.compile("\\b(notas?|aclara|aclaracion)\\b");
  private static final Pattern WEAK = Pattern.compile("^(y )?que (es|son|era|eran)\\b(?! (el|la|los|las) (mayor|menor|maxim|minim|total|promedio))"
      + "|\\b(que|cual) (es|son) (el |la )?(significado|definicion|descripcion)\\b|\\bque (representan?|indican?|contienen?|miden?)\\b"
      + "|\\b(describ|explic)\\w*\\b|\\ba que .{0,60}\\bcorresponden?\\b|\\bque tipo de (dato|valor)");
  private static final Pattern COLUMN = Pattern.compile("\\b(columnas?|campos?|variables?)\\b");
  private static final Pattern TABLE = Pattern.compile("\\b(tabla|planilla|archivo|datos|cuadro|hoja)\\b");

  /** The reading of {@code question}, or empty when it does not ask about a column or a table. */
  static Optional<ColumnQuestion> read(String question) {
    return read(question, stem -> false);
  }

  /**
   * As {@link #read(String)}, but a word the models name exactly ({@code named}, on its stem) is never read as a
   * misspelt intent word: "sillas" is a column, not "siglas".
   */
  static Optional<ColumnQuestion> read(String question, java.util.function.Predicate<String> named) {
    List<Token> tokens = Text.tokens(question);
    List<String> words = new ArrayList<>();
    Set<Integer> intent = new java.util.HashSet<>();
    for (Token t : tokens) {
      String w = named.test(t.stem()) ? t.folded() : canonical(t.folded());
      words.add(w);
      if (INTENT.contains(w)) {
        intent.add(t.index());
      }
    }
    String text = String.join(" ", words);
    Asked asked = UNIT.matcher(text).find() ? Asked.UNIT : SOURCE.matcher(text).find() ? Asked.SOURCE
        : CODE.matcher(text).find() ? Asked.CODE : NOTE.matcher(text).find() ? Asked.NOTE
        : STRONG.matcher(text).find() || WEAK.matcher(text).find() ? Asked.MEANING : null;
    if (asked == null || (!STRONG.matcher(text).find() && asked == Asked.MEANING && analytic(words))) {
      return Optional.empty();
    }
    return Optional.of(new ColumnQuestion(asked, COLUMN.matcher(text).find(), TABLE.matcher(text).find(), tokens, intent));
  }

  /** Whether the question also asks for an amount (outside the words that name things, checked later). */
  static boolean analytic(List<String> words) {
    for (String w : words) {
      if (Lexicon.COUNT.contains(w) || Lexicon.AMOUNT.contains(w) || Lexicon.SHARE.contains(w) || Lexicon.CHANGE.contains(w)
          || Lexicon.TOP.contains(w) || w.equals("suma") || w.equals("promedio") || w.equals("cuantas") || w.equals("cuantos")) {
        return true;
      }
    }
    return false;
  }

  /** A question word as the intent word it misspells ("signfica" → "significa"), else itself. */
  private static String canonical(String folded) {
    if (folded.length() < 5 || INTENT.contains(folded)) {
      return folded;
    }
    for (String w : INTENT) {
      if (Text.same(w, folded)) {
        return w;
      }
    }
    return folded;
  }
}
