package io.datagent.agent.semantic;

import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of one {@link SemanticModel} ready for matching: every measure, dimension and indexed value with the
 * stemmed words of each of its names (display name, synonyms, column, code meanings). Built once per model.
 */
final class ModelIndex {

  /** One name of one thing. */
  record Entry(Mention.Kind kind, Measure measure, Dimension dimension, String value, List<String> words, boolean exactCase) {}

  private final SemanticModel model;
  private final long rows;
  private final CompilerThresholds thresholds;
  private final List<Entry> entries = new ArrayList<>();
  private final Set<String> topic = new java.util.HashSet<>();
  private final Set<String> vocabulary = new java.util.HashSet<>();

  ModelIndex(SemanticModel model) {
    this(model, -1);
  }

  /** @param rows the table's row count when known (-1 otherwise): of two tables that read a question equally, the larger wins */
  ModelIndex(SemanticModel model, long rows) {
    this(model, rows, CompilerTuning.DEFAULT);
  }

  /** @param tuning the compiler's thresholds and the synonyms learned for this table (added after the model's own names) */
  ModelIndex(SemanticModel model, long rows, CompilerTuning tuning) {
    this.model = model;
    this.rows = rows;
    this.thresholds = tuning.thresholds();
    String source = model.source().substring(model.source().lastIndexOf('.') + 1).replace('_', ' ');
    for (String w : words(source + " " + (model.comment() == null ? "" : model.comment()))) {
      if (w.length() >= 3) {
        topic.add(w);
      }
    }
    for (Measure m : model.measures()) {
      for (String name : names(m.displayName(), m.synonyms(), m.column())) {
        add(new Entry(Mention.Kind.MEASURE, m, null, null, words(name), false));
        spelledOut(name, m.comment()).forEach(w -> add(new Entry(Mention.Kind.MEASURE, m, null, null, w, false)));
        acronyms(name);
        abbreviations(name);
      }
      String unit = unitWord(m);
      if (unit != null && model.measures().stream().filter(o -> o != m).noneMatch(o -> unit.equals(unitWord(o)))) {
        add(new Entry(Mention.Kind.MEASURE, m, null, null, List.of(unit), false)); // "¿cuántos MW…?"
      }
    }
    for (Dimension d : model.dimensions()) {
      for (String name : names(d.displayName(), d.synonyms(), d.column())) {
        add(new Entry(Mention.Kind.DIMENSION, null, d, null, words(name), false));
        spelledOut(name, d.comment()).forEach(w -> add(new Entry(Mention.Kind.DIMENSION, null, d, null, w, false)));
        abbreviations(name);
      }
      for (String v : d.values()) {
        List<String> w = words(v);
        boolean shortCode = String.join("", w).length() <= 2;
        add(new Entry(Mention.Kind.VALUE, null, d, v, w, shortCode));
        for (List<String> alias : aliases(w)) {
          add(new Entry(Mention.Kind.VALUE, null, d, v, alias, false));
        }
      }
      segments(d).forEach((segment, v) -> add(new Entry(Mention.Kind.VALUE, null, d, v, words(segment), false)));
      for (Map.Entry<String, String> code : d.codes().entrySet()) {
        if (d.values().isEmpty() || d.values().contains(code.getKey())) {
          add(new Entry(Mention.Kind.VALUE, null, d, code.getKey(), words(code.getValue()), false));
        }
      }
    }
    learn(tuning.of(model.source()));
  }

  /**
   * The synonyms learned from feedback, as more names of their targets. A phrase whose every word is already a name
   * word of the model is skipped: a learned synonym never takes a word from what the model itself names.
   */
  private void learn(List<LearnedSynonym> learned) {
    Set<String> own = Set.copyOf(vocabulary);
    for (LearnedSynonym s : learned) {
      List<String> w = words(s.phrase());
      if (w.isEmpty() || own.containsAll(w)) {
        continue;
      }
      switch (s.kind()) {
        case TABLE -> w.stream().filter(x -> x.length() >= 3).forEach(topic::add);
        case MEASURE -> model.measures().stream().filter(m -> names(s.target(), m.name(), m.column())).findFirst()
            .ifPresent(m -> add(new Entry(Mention.Kind.MEASURE, m, null, null, w, false)));
        case DIMENSION -> model.dimensions().stream().filter(d -> names(s.target(), d.name(), d.column())).findFirst()
            .ifPresent(d -> add(new Entry(Mention.Kind.DIMENSION, null, d, null, w, false)));
        case VALUE -> model.dimensions().stream().filter(d -> names(s.target(), d.name(), d.column())).findFirst()
            .ifPresent(d -> d.values().stream().filter(v -> v.strip().equalsIgnoreCase(s.value().strip())).findFirst()
                .ifPresent(v -> add(new Entry(Mention.Kind.VALUE, null, d, v, w, false))));
      }
    }
  }

  private static boolean names(String target, String name, String column) {
    return target.equalsIgnoreCase(name) || column != null && target.equalsIgnoreCase(column);
  }

  /** A measure's unit when it is one word a question may use for the measure ("MW", "kWh", "litros"), else null. */
  static String unitWord(Measure m) {
    if (m.rowCount() || m.unit() == null) {
      return null;
    }
    List<Token> t = Text.names(m.unit());
    return t.size() == 1 && t.get(0).folded().length() >= 2 && Character.isLetter(t.get(0).folded().charAt(0))
        ? t.get(0).stem() : null;
  }

  /**
   * The parts of hierarchical values ({@code Andalucía/Sevilla}, {@code Comunitat Valenciana/Alicante/Alacant}) that
   * name one value only, each to its value: "Sevilla" is the value {@code Andalucía/Sevilla}; a part several values
   * share ("Andalucía") names none of them.
   */
  private static Map<String, String> segments(Dimension d) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (String v : d.values()) {
      if (v.indexOf('/') < 0) {
        continue;
      }
      for (String part : new LinkedHashSet<>(List.of(v.split("/")))) {
        String p = part.strip();
        if (p.length() >= 3 && !p.equals(v)) {
          seen.merge(Text.fold(p), 1, Integer::sum);
          out.put(p, v);
        }
      }
    }
    out.keySet().removeIf(p -> seen.get(Text.fold(p)) > 1 || d.values().stream().anyMatch(v -> Text.fold(v).equals(Text.fold(p))));
    return out;
  }

  /** Spanish words that name the same kind of day or thing in values ("hábil" and "laborable"). */
  private static final Map<String, String> SAME = Map.of("habil", "laborable", "laborable", "habil", "feriado", "festivo",
      "festivo", "feriado");

  /** A value's words with one word replaced by its synonym ("No Hábil" → "no laborable"). */
  private static List<List<String>> aliases(List<String> words) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String other = SAME.get(words.get(i));
      if (other != null) {
        List<String> copy = new ArrayList<>(words);
        copy.set(i, other);
        out.add(copy);
      }
    }
    return out;
  }

  /**
   * A name with its short words (2 to 4 letters: "POB", "IMP") spelled out as the column's own description spells
   * them ("Población residente", "Importe facturado"): the one description word of 5 letters or more that begins with
   * the short word. Never by prefix alone: a column without a description, or whose description has no such word
   * or two different ones, gets no spelled-out name.
   */
  static List<List<String>> spelledOut(String name, String comment) {
    if (comment == null || comment.isBlank()) {
      return List.of();
    }
    List<String> words = words(name);
    List<String> described = Text.names(comment).stream().map(Token::stem)
        .filter(w -> w.length() >= 5 && Character.isLetter(w.charAt(0))).distinct().toList();
    List<String> out = new ArrayList<>(words);
    boolean changed = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.length() < 2 || w.length() > 4 || !w.chars().allMatch(Character::isLetter)) {
        continue;
      }
      List<String> full = described.stream().filter(x -> x.startsWith(w)).toList();
      if (full.size() == 1 && !words.contains(full.get(0))) {
        out.set(i, full.get(0));
        changed = true;
      }
    }
    return changed ? List.of(out) : List.of();
  }

  /** Short all-capital words of the model's names ("GBA"), which a question may spell out ("Gran Buenos Aires"). */
  private final Set<String> acronyms = new java.util.HashSet<>();

  Set<String> acronyms() {
    return acronyms;
  }

  private void acronyms(String name) {
    for (Token t : Text.names(name)) {
      String r = t.raw();
      if (r.length() >= 2 && r.length() <= 4 && r.chars().allMatch(c -> c >= 'A' && c <= 'Z') && !Text.STOP.contains(t.folded())) {
        acronyms.add(t.folded());
      }
    }
  }

  /** Capitalised words of column names of 5 letters or more ("DEMARC", "CORON"): abbreviations a question spells out. */
  private final Set<String> abbreviations = new java.util.HashSet<>();

  private void abbreviations(String name) {
    for (Token t : Text.names(name)) {
      String r = t.raw();
      if (r.length() >= 5 && r.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
        abbreviations.add(t.folded());
      }
    }
  }

  long rows() {
    return rows;
  }

  SemanticModel model() {
    return model;
  }

  /** The words of the table's name, description and dimension names: what an event verb of a question may name. */
  Set<String> eventWords() {
    if (eventWords == null) {
      Set<String> out = new java.util.HashSet<>(topic);
      for (Dimension d : model.dimensions()) {
        for (String name : names(d.displayName(), d.synonyms(), d.column())) {
          out.addAll(words(name));
        }
      }
      eventWords = Set.copyOf(out);
    }
    return eventWords;
  }

  private Set<String> eventWords;

  /** Whether a question word is about the table as a whole (a word of its name or comment: "gas", "entregado"). */
  boolean topic(String stem) {
    if (stem.length() < 3) {
      return false;
    }
    for (String w : topic) {
      if (Text.same(w, stem) || stem.length() >= 6 && w.length() >= 6 && w.regionMatches(0, stem, 0, 6)) {
        return true;
      }
    }
    return false;
  }

  /** The name words of the model that a question word may be (exactly, with a typo, or swapped before a plural). */
  List<String> wordsLike(Token t) {
    List<String> out = wordsLike(t.stem());
    String stem = t.stem();
    if (t.folded().length() < 5 || t.numeric()) {
      return out;
    }
    List<String> more = new ArrayList<>();
    // a name word abbreviated ("GENERAC" for "generación"); a shorter prefix only when a header spells it in capitals
    for (int len = Math.min(5, thresholds.abbreviationFrom()); len <= stem.length() - 2; len++) {
      String prefix = stem.substring(0, len);
      if (vocabulary.contains(prefix) && !out.contains(prefix)
          && (len >= thresholds.abbreviationFrom() || abbreviations.contains(prefix))) {
        more.add(prefix);
      }
    }
    if (out.isEmpty()) { // two letters swapped before a plural ending ("centrlaes", "aries")
      for (String w : vocabulary) {
        int extra = t.folded().length() - w.length();
        if ((extra == 1 || extra == 2) && w.charAt(0) == stem.charAt(0) && Text.samePlural(t.folded(), w)) {
          more.add(w);
        }
      }
    }
    if (more.isEmpty()) {
      return out;
    }
    more.addAll(0, out);
    return more;
  }

  /** Whether a stem is exactly a word of one of the model's names. */
  boolean names(String stem) {
    return vocabulary.contains(stem);
  }

  /** The name words of the model that a stem may be (exactly or with a typo). */
  List<String> wordsLike(String stem) {
    if (vocabulary.contains(stem)) {
      return List.of(stem);
    }
    List<String> out = new ArrayList<>();
    if (stem.length() >= thresholds.typoFrom() && !Character.isDigit(stem.charAt(0))) {
      for (String w : vocabulary) {
        if (Text.same(w, stem, thresholds.typoFrom(), thresholds.twoTyposFrom())) {
          out.add(w);
        }
      }
    }
    return out;
  }

  List<Entry> entries() {
    return entries;
  }

  private void add(Entry e) {
    if (!e.words().isEmpty()) {
      entries.add(e);
      vocabulary.addAll(e.words());
    }
  }

  private static Set<String> names(String display, List<String> synonyms, String column) {
    Set<String> out = new LinkedHashSet<>();
    if (display != null) {
      out.add(display);
    }
    out.addAll(synonyms);
    if (column != null) {
      out.add(column.replace('_', ' '));
    }
    return out;
  }

  /** The stemmed content words of a name; single letters are kept only when nothing else is left. */
  static List<String> words(String name) {
    List<String> all = new ArrayList<>();
    for (Token t : Text.names(name)) {
      if (!Text.STOP.contains(t.folded()) && (Character.isLetterOrDigit(t.folded().charAt(0)))) {
        all.add(t.stem());
      }
    }
    List<String> longer = all.stream().filter(w -> w.length() > 1).toList();
    return longer.isEmpty() ? all : longer;
  }
}
