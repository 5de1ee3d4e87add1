package io.datagent.semantic;

/** Lower snake-case ASCII names for measures and dimensions ("días" → "dias"). */
public final class SqlName {

  private SqlName() {}

  public static String of(String text) {
    String s = Spanish.fold(text).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (s.isEmpty()) {
      return "x";
    }
    return Character.isDigit(s.charAt(0)) ? "c_" + s : s;
  }
}
