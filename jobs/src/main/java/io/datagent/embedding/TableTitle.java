package io.datagent.embedding;

import java.util.List;

/**
 * The short title that heads every row document of a table: the start of the table comment when the source gave a
 * real title, else the file name split into words ({@code PotenciaInstalada.csv} → {@code Potencia Instalada}),
 * else the table name.
 */
public final class TableTitle {

  static final int MAX = 100;
  static final String DEFAULT_COMMENT = "Datos cargados desde";

  private TableTitle() {}

  public static String of(String table, String comment, List<String> files) {
    String c = comment == null ? "" : Texts.clean(comment);
    if (!c.isEmpty() && !c.startsWith(DEFAULT_COMMENT)) {
      return Texts.split(c, MAX).get(0) + (c.length() > MAX ? "…" : "");
    }
    if (!files.isEmpty()) {
      String f = files.get(0);
      f = f.substring(f.lastIndexOf('/') + 1);
      int dot = f.lastIndexOf('.');
      String stem = dot > 0 ? f.substring(0, dot) : f;
      String words = stem.replaceAll("([a-zà-ÿ])([A-ZÀ-Þ])", "$1 $2").replaceAll("[_\\-.]+", " ").strip();
      if (!words.isEmpty()) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
      }
    }
    return ColumnLabel.humanize(table);
  }

  /** The heading of a row document: {@code <title> (tabla <name>)}. */
  public static String heading(String table, String title) {
    return title + " (tabla " + table + ")";
  }
}
