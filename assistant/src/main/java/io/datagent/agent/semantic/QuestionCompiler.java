package io.datagent.agent.semantic;

import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Spanish question into a {@link Plan} over one semantic model, without a language model: times
 * ({@link TimeParser}), grammar words ({@link Slots}), names ({@link MentionFinder}), then each name's role by where
 * it stands ({@link Roles}): grouped by, excluded, ranked, counted, filtered on, or the number asked for.
 */
final class QuestionCompiler {

  private QuestionCompiler() {}

  static Compilation compile(String question, ModelIndex index) {
    List<Token> typed = asTyped(Text.tokens(question), index);
    if (typed.isEmpty() || typed.size() > 80) {
      return Compilation.none();
    }
    SemanticModel m = index.model();
    Set<Integer> spelled = new HashSet<>();
    List<Token> t = spellAcronyms(typed, index, spelled);
    TimeParser.Times times = TimeParser.parse(t);
    Set<Integer> timeTokens = times.consumed();
    Slots s = Slots.read(t, timeTokens);
    adjectiveAsValue(t, s, index);
    Set<Integer> skip = new HashSet<>(timeTokens);
    skip.addAll(s.used);
    skip.addAll(spelled);
    String unreadComparison = unreadComparison(t, s, timeTokens);
    if (unreadComparison != null) {
      return Compilation.unclear("No pude interpretar la comparación «" + unreadComparison + "» con el modelo de " + m.source()
          + ", así que no calculé ninguna cifra.", List.of(), 0.5);
    }
    Conversions.Read units = Conversions.read(t, skip, m);
    Set<Integer> found = new HashSet<>(skip);
    found.addAll(units.tokens());
    List<Mention> mentions = new ArrayList<>(MentionFinder.find(index, t, found, ExactNames.find(question, t, index, found)));
    // "¿cuántos turismos hay en total?": the aggregation word, not the TOTAL member (Totals reads unnamed dimensions
    // at their total row anyway)
    mentions.removeIf(x -> x.kind() == Mention.Kind.VALUE && x.start() == x.end() && Totals.isTotal(x.value())
        && Lexicon.AGGREGATIONS.containsKey(t.get(x.start()).folded()));
    String periods = countedPeriods(t, mentions);
    if (periods != null) {
      return Compilation.unclear("No sé contar «" + periods + "» en " + m.source() + ": sus filas no son " + periods
          + ", así que no calculé ninguna cifra.", List.of(), 0.5);
    }
    Mention divisor = Conversions.divisor(t, mentions, skip);
    Builder b = new Builder(m, t, s);
    b.assign(mentions);
    b.grainWords(skip, mentions);
    if (b.categoryWord != null && index.topic(Text.stem(b.categoryWord)) && b.targets.stream()
        .anyMatch(x -> !x.measure().rowCount() && !Text.fold(x.measure().name()).equals("total"))) {
      b.categoryWord = null; // "¿cuál fue la lluvia más alta en Salta?": the table's topic, not a kind of column
      b.ranked = false;
    }
    found.addAll(skip);
    Compilation c = b.finish(times, explained(t, found, mentions, s, index));
    c = Conversions.apply(c, units, divisor, t, s, skip);
    if (divisor != null) {
      mentions.add(divisor);
    }
    if (c.ok() && mentions.stream().allMatch(x -> x.start() == x.end() && Lexicon.AGGREGATIONS.containsKey(t.get(x.start()).folded()))
        && t.stream().noneMatch(w -> index.topic(w.stem()))) {
      return Compilation.unclear("La pregunta no nombra ninguna cifra de " + m.source() + ", así que no calculé ninguna.",
          List.of(), c.score()); // "dame el total": the total of what?
    }
    List<String> unread = c.ok() ? unread(t, skip, mentions, s, index, b.categoryWord, c.plan()) : List.of();
    if (!unread.isEmpty()) {
      // a number is stated only for a question read in full: a word left over may change what is asked
      return Compilation.unclear("No pude interpretar " + String.join(", ", unread.stream().map(w -> "«" + w + "»").toList())
          + " en la pregunta con el modelo de " + m.source() + ", así que no calculé ninguna cifra.", List.of(), c.score());
    }
    return c.covering(mentions.stream().mapToDouble(Mention::score).sum());
  }

  /**
   * "¿qué porcentaje son de periodo anual?" over a column named "periodo" holding the value "Anual": a grain adjective
   * right after a word of the name of a column that holds it as a value is that value, not a grain of the date.
   */
  static void adjectiveAsValue(List<Token> t, Slots s, ModelIndex index) {
    for (int i = 1; i < t.size(); i++) {
      Token w = t.get(i);
      String before = t.get(i - 1).stem();
      if (!Lexicon.GRAIN_ADJECTIVES.containsKey(w.folded()) || s.grainAdjective == null) {
        continue;
      }
      for (Dimension d : index.model().dimensions()) {
        boolean holds = d.values().stream().anyMatch(v -> Text.stem(Text.fold(v.strip())).equals(w.stem()));
        boolean named = java.util.stream.Stream.concat(java.util.stream.Stream.of(d.displayName(), d.column()), d.synonyms().stream())
            .filter(java.util.Objects::nonNull).anyMatch(n -> ModelIndex.words(n.replace('_', ' ')).contains(before));
        if (holds && named) {
          s.used.remove(i);
          s.grainAdjective = null;
          return;
        }
      }
    }
  }

  /**
   * "más de una víctima" that no comparison read: the words of a threshold the plan would silently drop, or null.
   */
  static String unreadComparison(List<Token> t, Slots s, Set<Integer> timeTokens) {
    for (int i = 0; i + 2 < t.size(); i++) {
      int n = i + 2;
      if (t.get(i).is("mas", "menos") && t.get(i + 1).is("de") && !timeTokens.contains(n)
          && (t.get(n).numeric() || Lexicon.count(t.get(n)) != null)
          && s.comparisons.stream().noneMatch(c -> c.start() <= n && n <= c.end())) {
        return t.get(i).raw() + " " + t.get(i + 1).raw() + " " + t.get(n).raw();
      }
    }
    return null;
  }

  /**
   * "¿En cuántos meses…?" over a table whose rows are not months: counting periods is not counting rows (nor summing
   * a long table's value column), so the grain word counted is returned and the question declined; null otherwise.
   */
  static String countedPeriods(List<Token> t, List<Mention> mentions) {
    for (int i = 0; i + 1 < t.size(); i++) {
      int g = i + 1;
      if (Lexicon.COUNT.contains(t.get(i).folded()) && Lexicon.GRAINS.containsKey(t.get(g).stem())
          && mentions.stream().noneMatch(x -> x.start() <= g && g <= x.end() && x.measure() != null && x.measure().rowCount())) {
        return t.get(g).raw();
      }
    }
    return null;
  }

  /** A word the grammar took for a misspelt grammar word but that the model names ("Cuenca", not "cuenta"), as typed. */
  static List<Token> asTyped(List<Token> t, ModelIndex index) {
    List<Token> out = null;
    for (Token w : t) {
      Token typed = Text.asTyped(w);
      if (!typed.folded().equals(w.folded()) && index.names(typed.stem())) {
        out = out == null ? new ArrayList<>(t) : out;
        out.set(w.index(), typed);
      }
    }
    return out == null ? t : out;
  }

  /**
   * "Gran Buenos Aires" for a model that says "GBA": capitalised words whose initials spell one of the model's
   * acronyms become that acronym (the first word) and the rest are marked in {@code spelled}.
   */
  static List<Token> spellAcronyms(List<Token> t, ModelIndex index, Set<Integer> spelled) {
    if (index.acronyms().isEmpty()) {
      return t;
    }
    List<Token> out = null;
    for (int i = 0; i < t.size(); i++) {
      for (String a : index.acronyms()) {
        int n = a.length();
        if (i + n > t.size()) {
          continue;
        }
        boolean match = true;
        for (int k = 0; k < n && match; k++) {
          String raw = t.get(i + k).raw();
          match = Character.isUpperCase(raw.charAt(0)) && raw.length() > 1 && Text.fold(raw).charAt(0) == a.charAt(k);
        }
        if (match) {
          out = out == null ? new ArrayList<>(t) : out;
          Token w = t.get(i);
          out.set(i, new Token(w.index(), w.raw(), a, a, null));
          for (int k = 1; k < n; k++) {
            spelled.add(i + k);
          }
          i += n - 1;
          break;
        }
      }
    }
    return out == null ? t : out;
  }

  /** The question's content words the compiler did not use (the word after "por" on a wide table counts as used). */
  static List<String> unread(List<Token> t, Set<Integer> skip, List<Mention> mentions, Slots s, ModelIndex index,
      String categoryWord, Plan plan) {
    List<String> out = new ArrayList<>();
    Set<String> units = new HashSet<>();
    plan.targets().forEach(x -> {
      if (x.measure() != null && x.measure().unit() != null && !x.measure().rowCount()) {
        Text.tokens(x.measure().unit()).forEach(u -> units.add(u.folded()));
      }
    });
    for (Token w : t) {
      if (Text.STOP.contains(w.folded()) || !Character.isLetterOrDigit(w.folded().charAt(0))) {
        continue;
      }
      int i = w.index();
      boolean category = (w.folded().equals(categoryWord) || wide(index.model()) && namesNextColumn(w, t, mentions))
          && !RATES.contains(w.stem());
      boolean unit = units.contains(w.folded()) || w.is("2", "3") && i > 0 && units.contains(t.get(i - 1).folded());
      boolean topic = index.topic(w.stem()) && !countedOrGrouped(t, i);
      boolean filler = FILLER.contains(w.folded()) || s.share && Lexicon.SHARE_LINKS.contains(w.folded())
          || w.is("espana") && spanishData(index.model())
          || w.is("nivel") && i + 1 < t.size() && t.get(i + 1).is("nacional", "estatal", "pais");
      if (!(used(w, skip, mentions, s, index) && (topic || !index.topic(w.stem()) || usedOtherwise(w, skip, mentions, s)))
          && !category && !unit && !filler && !abbreviated(w, t, mentions) && !eventVerb(w, index)
          && !outcomeVerb(w, t, mentions, skip)) {
        out.add(w.raw());
      }
    }
    return out;
  }

  /** Spanish regions: a table naming one of them covers Spain, so "en España" asks for all of it (its total row). */
  private static final Set<String> SPANISH_REGIONS = Set.of("andalucia", "aragon", "asturias", "baleares", "canarias",
      "cantabria", "castilla", "cataluna", "extremadura", "galicia", "madrid", "murcia", "navarra", "euskadi",
      "valenciana", "ceuta", "melilla", "sevilla", "barcelona", "zaragoza", "malaga", "bizkaia", "vizcaya");

  /** Whether the table's regions are Spanish: a text value names a Spanish community or large province. */
  static boolean spanishData(SemanticModel m) {
    for (Dimension d : m.dimensions()) {
      for (String v : d.values()) {
        String f = Text.fold(v);
        if (f.contains("pais vasco") || java.util.Arrays.stream(f.split("[^a-z]+")).anyMatch(SPANISH_REGIONS::contains)) {
          return true;
        }
      }
    }
    return false;
  }

  /** "la provincia de Córdoba" on a wide table: the word names the kind of column the next mention is. */
  private static boolean namesNextColumn(Token w, List<Token> t, List<Mention> mentions) {
    int j = w.index() + 1;
    while (j < t.size() && t.get(j).is("de", "del", "la", "el")) {
      j++;
    }
    int next = j;
    return w.folded().length() > 3 && mentions.stream().anyMatch(x -> x.start() == next && x.kind() == Mention.Kind.MEASURE
        && !x.measure().rowCount() && !Text.fold(x.measure().name()).equals("total"));
  }

  /** A wide table: its numbers are categories (provinces as columns), with no text dimension to group by. */
  static boolean wide(SemanticModel m) {
    long numbers = m.measures().stream().filter(x -> !x.rowCount()).count();
    return numbers >= 3 && m.dimensions().stream().noneMatch(d -> d.kind() == Dimension.Kind.TEXT && !d.values().isEmpty());
  }

  /**
   * A verb in the past plural naming what the table records: its root begins as a word of the table's name or
   * description, or of a dimension's name ("se disolvieron" over a column "Clase de disolución"). Such a verb asks for
   * the rows themselves; a verb the table does not name ("se matricularon") stays unread and the question is declined.
   */
  static boolean eventVerb(Token w, ModelIndex index) {
    String f = w.folded();
    String root = f.endsWith("ieron") || f.endsWith("yeron") ? f.substring(0, f.length() - 5)
        : f.endsWith("aron") ? f.substring(0, f.length() - 4) : null;
    if (root == null || root.length() < 5) {
      return false;
    }
    String head = root.substring(0, 5);
    return index.eventWords().stream().anyMatch(x -> x.length() >= 5 && x.startsWith(head));
  }

  /** Verbs that state an outcome a column records ("dieron positivo", "resultaron heridos"). */
  private static final Set<String> OUTCOME_VERBS = Set.of("da", "dan", "dio", "dieron", "resulta", "resultan", "resulto",
      "resultaron");

  /**
   * "¿cuántos casos dieron positivo en 2021?": an outcome verb right before a value found in one column only, with
   * nothing after that value but grammar words and what the grammar read (times), only links the rows to the value
   * (filtered on already). A value of several columns, or more words after it ("positivo en cocaína"), leave the verb
   * unread: the phrase may add a condition the plan would drop.
   */
  static boolean outcomeVerb(Token w, List<Token> t, List<Mention> mentions, Set<Integer> skip) {
    int next = w.index() + 1;
    List<Mention> at = mentions.stream().filter(x -> x.start() == next).toList();
    if (!OUTCOME_VERBS.contains(w.folded()) || at.isEmpty()
        || at.stream().anyMatch(x -> x.kind() != Mention.Kind.VALUE || !x.full() || x.end() != at.get(0).end())
        || at.stream().map(Mention::dimension).distinct().count() != 1) {
      return false;
    }
    for (int j = at.get(0).end() + 1; j < t.size(); j++) {
      String f = t.get(j).folded();
      if (!skip.contains(j) && !Text.STOP.contains(f) && Character.isLetterOrDigit(f.charAt(0))) {
        return false;
      }
    }
    return true;
  }

  /** "por usuario", "por habitante": a rate the model cannot compute, not a category to group by. */
  private static final Set<String> RATES = Set.of("usuario", "habitante", "persona", "cliente", "capita", "hogar",
      "empleado", "vivienda", "unidad");

  /** Verbs and nouns that ask for the amount a measure already is ("el consumo de gas", "durante 2019"). */
  static final Set<String> FILLER = Set.of("durante", "favor", "figuran", "figura", "aparecen", "existen",
      "constan", "recibio", "recibieron", "recibido", "recibida", "toda", "todo", "serie", "consumo", "consumos", "consumio", "consumieron", "consumido", "consumida",
      "hubieron", "habia", "habian", "registraron", "registrados", "registradas", "cifra", "cifras", "monto", "importe",
      "dame", "mostrar", "ver", "indica", "indicame", "calcula", "calcular", "calculame", "archivo", "archivos", "planilla",
      "fichero", "reparte", "repartio", "repartieron", "repartido", "repartida", "distribuyo", "distribuyeron",
      "alcanzo", "alcanzaron", "alcanza", "registro", "anoto", "marco", "marcaron", "todas", "todos", "censo", "inventario",
      "reparto", "desglose", "distribucion", "forman", "componen", "nacional", "pais");

  /** "Tierra" before a mention of the value "T.del Fuego": the word the value abbreviates. */
  private static boolean abbreviated(Token w, List<Token> t, List<Mention> mentions) {
    return mentions.stream().anyMatch(x -> x.start() > w.index()
        && t.subList(w.index() + 1, x.start()).stream().allMatch(o -> Text.STOP.contains(o.folded()))
        && abbreviates(Text.fold(x.describe()).split("[. ]")[0], w.folded()));
  }

  private static boolean abbreviates(String abbrev, String word) {
    if (abbrev.isEmpty() || abbrev.length() >= word.length() || abbrev.charAt(0) != word.charAt(0)) {
      return false;
    }
    int j = 0;
    for (int i = 0; i < word.length() && j < abbrev.length(); i++) {
      j += word.charAt(i) == abbrev.charAt(j) ? 1 : 0;
    }
    return j == abbrev.length();
  }

  /** "cuántos usuarios", "número de usuarios", "por usuario": a topic word the question counts or groups by. */
  private static boolean countedOrGrouped(List<Token> t, int i) {
    if (i > 0 && (Lexicon.GROUP.contains(t.get(i - 1).folded()) || Lexicon.COUNT.contains(t.get(i - 1).folded()))) {
      return true;
    }
    int j = i - 1;
    while (j >= 0 && Text.STOP.contains(t.get(j).folded())) {
      j--;
    }
    return j >= 0 && Lexicon.COUNT.contains(t.get(j).folded());
  }

  /** Used by the grammar or a name, not only as a word of the table's topic. */
  private static boolean usedOtherwise(Token w, Set<Integer> skip, List<Mention> mentions, Slots s) {
    int i = w.index();
    return skip.contains(i) || mentions.stream().anyMatch(x -> x.start() <= i && i <= x.end())
        || Lexicon.AGGREGATIONS.containsKey(w.folded()) || Lexicon.COUNT.contains(w.folded()) || s.excludeMarkers.contains(i);
  }

  private static boolean used(Token w, Set<Integer> skip, List<Mention> mentions, Slots s, ModelIndex index) {
    int i = w.index();
    return skip.contains(i) || mentions.stream().anyMatch(x -> x.start() <= i && i <= x.end())
        || Lexicon.AGGREGATIONS.containsKey(w.folded()) || Lexicon.COUNT.contains(w.folded())
        || Lexicon.AMOUNT.contains(w.folded()) || Lexicon.GROUP.contains(w.folded()) || Lexicon.SHARE.contains(w.folded())
        || Lexicon.CHANGE.contains(w.folded()) || s.excludeMarkers.contains(i) || Lexicon.GRAINS.containsKey(w.stem())
        || index.topic(w.stem()) || w.is("mas", "menos", "cuanto", "cuanta", "contar", "incluir", "top", "primeros", "primeras", "ultimos", "ultimas");
  }

  /** The share of the question's content words the compiler used. */
  private static double explained(List<Token> t, Set<Integer> skip, List<Mention> mentions, Slots s, ModelIndex index) {
    int total = 0;
    int used = 0;
    for (Token w : t) {
      if (Text.STOP.contains(w.folded()) || !Character.isLetterOrDigit(w.folded().charAt(0))) {
        continue;
      }
      total++;
      boolean hit = used(w, skip, mentions, s, index);
      used += hit ? 1 : 0;
    }
    return total == 0 ? 0 : (double) used / total;
  }

  /** Collects roles as names are read, then assembles the plan. */
  private static final class Builder {
    final SemanticModel m;
    final List<Token> t;
    final Slots s;
    final List<Mention> targets = new ArrayList<>();
    final List<Mention> countTargets = new ArrayList<>();
    final Map<Dimension, List<String>> include = new LinkedHashMap<>();
    final Map<Dimension, List<String>> exclude = new LinkedHashMap<>();
    final List<Measure> minus = new ArrayList<>();
    final List<Mention> measureMentions = new ArrayList<>();
    Dimension group;
    String grain;
    boolean ranked;
    boolean plural;
    String categoryWord;
    int excludedUntil = -2;
    Dimension excludedColumn;
    boolean mixedExclusion;
    boolean fromAdjective;

    Builder(SemanticModel m, List<Token> t, Slots s) {
      this.m = m;
      this.t = t;
      this.s = s;
    }

    void assign(List<Mention> mentions) {
      Map<String, List<Mention>> spans = new LinkedHashMap<>();
      for (Mention x : mentions) {
        spans.computeIfAbsent(x.start() + ":" + x.end(), k -> new ArrayList<>()).add(x);
      }
      for (List<Mention> readings : spans.values()) {
        Mention first = readings.get(0);
        if (restatedByCode(first, mentions)) {
          continue; // "las turbinas a gas (TG)": the name and its code are one filter, the code's
        }
        Roles.Context ctx = Roles.context(t, s, first.start(), excludedUntil);
        Mention dim = pick(readings, Mention.Kind.DIMENSION);
        Mention measure = pick(readings, Mention.Kind.MEASURE);
        List<Mention> values = readings.stream().filter(r -> r.kind() == Mention.Kind.VALUE).toList();
        if (grainWord(first) && Roles.primaryTime(m) != null && dim != null && dim.dimension().kind() != Dimension.Kind.DATE) {
          dim = null; // "día", "mes", "año" are grains of the date (grainWords), not a day-number column
          if (measure == null || ctx == Roles.Context.GROUP || ctx == Roles.Context.WHICH) {
            continue;
          }
        }
        switch (ctx) {
          case EXCLUDE -> {
            boolean listGoesOn = excludedUntil >= 0 && excludedUntil < first.start()
                && java.util.stream.IntStream.range(excludedUntil + 1, first.start()).noneMatch(s.excludeMarkers::contains);
            excludedUntil = first.end();
            if (!values.isEmpty()) {
              // "excepto gasolina y diésel": a list names values of one column; one of another column is not guessed
              Dimension same = listGoesOn ? excludedColumn : null;
              Mention v = same == null ? chooseValue(values, mentions)
                  : values.stream().filter(x -> x.dimension().equals(same)).findFirst().orElse(null);
              if (v == null) {
                mixedExclusion = true;
                continue;
              }
              excludedColumn = v.dimension();
              exclude.computeIfAbsent(v.dimension(), k -> new ArrayList<>()).add(v.value());
            } else if (measure != null && !measure.measure().rowCount()) {
              minus.add(measure.measure());
            }
          }
          case GROUP -> {
            if (dim != null) {
              setGroup(dim.dimension(), first);
            } else if (measure != null && measure.measure().rowCount()) {
              countTargets.add(measure);
            } else if (measure != null) {
              target(measure); // "las centrales más grandes por MW", "según la temperatura media": the number that ranks
            } else if (values.stream().anyMatch(Mention::full)) {
              // "lo fueron por fusión": a value named after "por" filters, it does not group
              Mention v = chooseValue(values.stream().filter(Mention::full).toList(), mentions);
              include.computeIfAbsent(v.dimension(), k -> new ArrayList<>()).add(v.value());
            }
          }
          case WHICH -> {
            if (dim != null) {
              setGroup(dim.dimension(), first);
              ranked = true;
            } else if (!values.isEmpty()) {
              Mention v = chooseValue(values, mentions);
              include.computeIfAbsent(v.dimension(), k -> new ArrayList<>()).add(v.value());
            } else if (measure != null) {
              target(measure);
            }
          }
          case COUNT -> {
            if (measure != null && measure.measure().rowCount()) {
              countTargets.add(measure);
            } else if (dim != null && dim.dimension().kind() == Dimension.Kind.TEXT) {
              countTargets.add(dim);
            } else if (measure != null) {
              target(measure);
            } else if (!values.isEmpty()) { // "¿cuántos turismos…?" with TURISMOS a value: the rows of that value
              Mention v = chooseValue(values, mentions);
              include.computeIfAbsent(v.dimension(), k -> new ArrayList<>()).add(v.value());
            }
          }
          default -> {
            if (!values.isEmpty()) {
              Mention v = chooseValue(values, mentions);
              include.computeIfAbsent(v.dimension(), k -> new ArrayList<>()).add(v.value());
            } else if (measure != null) {
              target(measure);
            }
          }
        }
      }
    }

    /** A value named in words right before a short code of another column ("turbinas a gas TG"): the code restates it. */
    private boolean restatedByCode(Mention x, List<Mention> all) {
      return x.kind() == Mention.Kind.VALUE && x.end() > x.start() && all.stream().anyMatch(o -> o.kind() == Mention.Kind.VALUE
          && o.start() == x.end() + 1 && o.start() == o.end() && o.value().length() <= 3 && !o.dimension().equals(x.dimension())
          && o.value().equals(o.value().toUpperCase(java.util.Locale.ROOT)) && t.get(o.start()).raw().equals(o.value()));
    }

    private void target(Mention measure) {
      measureMentions.add(measure);
      if (measure.measure().rowCount()) {
        countTargets.add(measure);
      } else {
        targets.add(measure);
      }
    }

    private void setGroup(Dimension d, Mention at) {
      if (group == null) {
        group = d;
        grain = d.kind() == Dimension.Kind.DATE ? (at == null ? "dia" : grainOf(at)) : null;
        plural = at != null && plural(t.get(at.end()));
      }
    }

    private static boolean plural(Token w) {
      return !w.stem().equals(w.folded());
    }

    private String grainOf(Mention at) {
      String g = Lexicon.GRAINS.get(t.get(at.end()).stem());
      return g != null ? g : "dia";
    }

    private boolean grainWord(Mention x) {
      return x.start() == x.end() && Lexicon.GRAINS.containsKey(t.get(x.start()).stem());
    }

    /** "por mes", "qué día", "mensual": a grain of the main date; "por provincia" on a wide table: its columns. */
    void grainWords(Set<Integer> skip, List<Mention> mentions) {
      Dimension date = Roles.primaryTime(m);
      for (Token w : t) {
        String g = Lexicon.GRAINS.get(w.stem());
        boolean named = mentions.stream().anyMatch(x -> x.start() <= w.index() && w.index() <= x.end()
            && !(grainWord(x) && (x.dimension() == null || x.dimension().kind() != Dimension.Kind.DATE)));
        Roles.Context ctx = Roles.context(t, s, w.index(), -2);
        if (g != null && date != null && !named && group == null && (ctx == Roles.Context.GROUP || ctx == Roles.Context.WHICH)) {
          group = date;
          grain = g;
          ranked = ctx == Roles.Context.WHICH;
          plural = plural(w);
        } else if (g == null && !named && group == null && categoryWord == null && !skip.contains(w.index())
            && (ctx == Roles.Context.GROUP || ctx == Roles.Context.WHICH && s.descending != null)
            && w.folded().length() > 3 && !Text.STOP.contains(w.folded()) && !w.numeric()
            && !Lexicon.AGGREGATIONS.containsKey(w.folded()) && wide()) {
          categoryWord = w.folded(); // not counted as explained: any word after "por" would do
          ranked = ctx == Roles.Context.WHICH;
          plural = plural(w);
        }
      }
      if (group == null && s.grainAdjective != null && date != null) {
        group = date;
        grain = s.grainAdjective;
        fromAdjective = true;
      }
    }

    /** A wide table: its numbers are categories (provinces as columns), with no text dimension to group by. */
    boolean wide() {
      return QuestionCompiler.wide(m);
    }

    private static Mention pick(List<Mention> readings, Mention.Kind kind) {
      return readings.stream().filter(r -> r.kind() == kind).findFirst().orElse(null);
    }

    /** A value found in several columns: the column the question names too, else the one with fewer values. */
    private static Mention chooseValue(List<Mention> values, List<Mention> all) {
      for (Mention v : values) {
        if (all.stream().anyMatch(x -> x.kind() == Mention.Kind.DIMENSION && x.dimension().equals(v.dimension()))) {
          return v;
        }
      }
      return values.stream().min(java.util.Comparator.comparingInt(v -> v.dimension().values().size())).orElseThrow();
    }

    Compilation finish(TimeParser.Times times, double explained) {
      if (mixedExclusion) {
        return Compilation.unclear("La lista de exclusiones mezcla valores de columnas distintas de " + m.source()
            + ", así que no calculé ninguna cifra.", List.of(), explained * 0.5);
      }
      return Assembly.assemble(m, t, s, times, explained, new Assembly.Parts(targets, countTargets, include, exclude,
          minus, group, grain, ranked, plural, categoryWord, fromAdjective));
    }
  }
}
