package io.datagent.agent.semantic;

/**
 * One word, number or symbol of a question.
 *
 * @param raw the text as typed (accents and case kept), for exact code matches
 * @param folded lower case without accents
 * @param stem {@code folded} without a plural ending, for matching names
 * @param number the numeric value when the token is a number, else null
 */
record Token(int index, String raw, String folded, String stem, Double number) {

  boolean is(String... words) {
    for (String w : words) {
      if (folded.equals(w)) {
        return true;
      }
    }
    return false;
  }

  boolean numeric() {
    return number != null;
  }
}
