package io.datagent.agent.semantic;

import java.util.Locale;
import java.util.Objects;

/**
 * A word or phrase users call one thing of a table by, learned from feedback (an up-voted answer, a corrected one, a
 * trusted query) rather than written in the semantic model. The compiler reads it as one more name of its target,
 * never in place of a name the model already has ({@link ModelIndex}).
 *
 * @param table    the qualified table ({@code serving.plantas})
 * @param kind     what the phrase names
 * @param target   the measure's or dimension's name or column (null for {@link Kind#TABLE})
 * @param value    the dimension value for {@link Kind#VALUE}, else null
 * @param phrase   the users' words ("eólicas", "capacidad")
 * @param evidence where it was learned ({@code voto: ¿…?}, {@code confiable: …}), shown to engineers
 */
public record LearnedSynonym(String table, Kind kind, String target, String value, String phrase, String evidence) {

  /** What a learned phrase names. */
  public enum Kind { MEASURE, DIMENSION, VALUE, TABLE }

  public LearnedSynonym {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(phrase, "phrase");
    if (kind != Kind.TABLE && target == null || kind == Kind.VALUE && value == null) {
      throw new IllegalArgumentException("a learned synonym of a " + kind + " needs its target: " + phrase);
    }
  }

  /** Same phrase for the same thing, whatever the evidence (one entry per meaning in a candidate set). */
  public String key() {
    return (table + "|" + kind + "|" + target + "|" + value + "|" + Text.fold(phrase)).toLowerCase(Locale.ROOT);
  }

  /** Whether it belongs to {@code qualified} (compared case-insensitively, or by the bare table name). */
  boolean of(String qualified) {
    String a = table.toLowerCase(Locale.ROOT);
    String b = qualified.toLowerCase(Locale.ROOT);
    return a.equals(b) || a.substring(a.lastIndexOf('.') + 1).equals(b.substring(b.lastIndexOf('.') + 1));
  }
}
