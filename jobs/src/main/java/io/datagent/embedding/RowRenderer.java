package io.datagent.embedding;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders one row of a serving table as Spanish text for search: a short heading naming the table, then
 * {@code Label: value} for every non-empty cell ({@code Central: ABRO; Potencia instalada [MW]: 25; ...}).
 *
 * <p>Rows longer than {@code maxChars} become several chunks, each repeating the heading with its part number; a
 * single huge cell is split across chunks, and a row never yields more than {@link #MAX_CHUNKS} chunks (the rest is
 * dropped and counted). A row whose cells are all empty renders to no chunk.
 */
public final class RowRenderer implements Serializable {

  public static final int MAX_CHUNKS = 20;

  private final String heading;
  private final String[] labels;
  private final int maxChars;

  /**
   * @param heading  e.g. {@code Potencia Instalada (tabla potenciainstalada)}
   * @param labels   one label per rendered column, in order
   * @param maxChars chunk limit in characters (the heading is not counted)
   */
  public RowRenderer(String heading, String[] labels, int maxChars) {
    if (maxChars < 50) {
      throw new IllegalArgumentException("the chunk limit must be at least 50 characters, got " + maxChars);
    }
    this.heading = heading;
    this.labels = labels.clone();
    this.maxChars = maxChars;
  }

  /** The rendered chunks of one row ({@code values} aligned with the labels); empty when all cells are empty. */
  public Rendered render(Object[] values) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      String v = ValueText.of(values[i]);
      if (v != null) {
        parts.add(labels[i] + ": " + v);
      }
    }
    if (parts.isEmpty()) {
      return new Rendered(List.of(), false);
    }
    List<String> bodies = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String p : parts) {
      for (String piece : Texts.split(p, maxChars)) {
        if (cur.length() > 0 && cur.length() + 2 + piece.length() > maxChars) {
          bodies.add(cur.toString());
          cur.setLength(0);
        }
        cur.append(cur.length() == 0 ? "" : "; ").append(piece);
      }
    }
    bodies.add(cur.toString());
    boolean truncated = bodies.size() > MAX_CHUNKS;
    if (truncated) {
      bodies = bodies.subList(0, MAX_CHUNKS);
    }
    List<String> chunks = new ArrayList<>(bodies.size());
    for (int i = 0; i < bodies.size(); i++) {
      String head = bodies.size() == 1 ? heading : heading + " (parte " + (i + 1) + " de " + bodies.size() + ")";
      chunks.add(head + ". " + bodies.get(i));
    }
    return new Rendered(chunks, truncated);
  }

  /** The chunks of a row and whether some were dropped. */
  public record Rendered(List<String> chunks, boolean truncated) {}
}
