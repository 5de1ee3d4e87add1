package io.datagent.agent.semantic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Learns synonyms from feedback: a question the compiler cannot read, and what the right reading used (the SQL of an
 * up-voted answer or trusted query, or the names an engineer's correction gives). When the question leaves exactly
 * one run of words the model does not know, and the right reading uses exactly one measure, dimension or value the
 * question does not name, those words become a {@link LearnedSynonym} of it, with the feedback as evidence.
 *
 * <p>Conservative by construction: a question the compiler already reads teaches nothing, two unknown phrases or two
 * unnamed targets teach nothing, and a phrase made only of the model's own name words is never learned. Whether a
 * learned synonym helps is still the optimisation loop's call, on held-out questions.
 */
public final class SynonymLearner {

  /**
   * One piece of feedback.
   *
   * @param question   the user's question
   * @param sql        the SQL of the right reading (an up-voted answer, a trusted query), or of the rated answer
   * @param correction what an engineer or user wrote the question meant (a down-vote's comment), or null
   * @param evidence   where it comes from, kept with what is learned
   */
  public record Feedback(String question, String sql, String correction, String evidence) {}

  /** The grammar's own words ("cuántas", "promedio", "mensual"): never a name to learn. */
  private static final Set<String> GRAMMAR = grammar();

  private static Set<String> grammar() {
    Set<String> all = new HashSet<>(Lexicon.AGGREGATIONS.keySet());
    for (Set<String> s : List.of(Lexicon.COUNT, Lexicon.AMOUNT, Lexicon.WHICH, Lexicon.GROUP, Lexicon.HIGH, Lexicon.LOW,
        Lexicon.SHARE, Lexicon.SHARE_LINKS, Lexicon.CHANGE, Lexicon.EXCLUDE, Lexicon.TOP, Lexicon.BOTTOM, Lexicon.GT,
        Lexicon.LT, Lexicon.GRAINS.keySet(), Lexicon.GRAIN_ADJECTIVES.keySet(), Set.of(Lexicon.MONTHS))) {
      all.addAll(s);
    }
    return Set.copyOf(all);
  }

  private final TableModels models;
  private final List<String> tables;

  /** @param tables the tables feedback may be about (the catalog's visible tables) */
  public SynonymLearner(TableModels models, List<String> tables) {
    this.models = models;
    this.tables = List.copyOf(tables);
  }

  /** A learner over every visible table of {@code catalog}, with the semantic models the agent builds (YAML first). */
  public static SynonymLearner over(io.datagent.agent.AgentConfig config, io.datagent.agent.catalog.TableCatalog catalog,
      io.datagent.agent.sql.SqlExecutor executor, SemanticModelSource yaml) {
    TableModels models = new TableModels(catalog, new io.datagent.agent.sql.SqlGuard(config.sqlPolicy()), executor,
        config.sqlTimeout(), yaml, java.time.Duration.ofMinutes(10));
    List<String> tables = catalog.listTables().stream().filter(t -> io.datagent.agent.catalog.TableCatalog.visible(t.name()))
        .map(io.datagent.agent.catalog.TableInfo::qualified).toList();
    return new SynonymLearner(models, tables);
  }

  /** The synonyms the feedback teaches, one per meaning (first evidence kept), in the order first seen. */
  public List<LearnedSynonym> learn(List<Feedback> feedback) {
    Map<String, LearnedSynonym> out = new LinkedHashMap<>();
    for (Feedback f : feedback) {
      if (f.question() == null || f.question().isBlank()) {
        continue;
      }
      for (String table : tablesOf(f)) {
        Optional<ModelIndex> index;
        try {
          index = models.index(table);
        } catch (RuntimeException e) {
          continue; // a table the catalog cannot describe now teaches nothing
        }
        index.flatMap(i -> learn(f, table, i)).ifPresent(s -> out.putIfAbsent(s.key(), s));
      }
    }
    return List.copyOf(out.values());
  }

  /** The tables the feedback's SQL reads (by name), or every table when it has no SQL. */
  private List<String> tablesOf(Feedback f) {
    if (f.sql() == null || f.sql().isBlank()) {
      return tables;
    }
    List<String> out = new ArrayList<>();
    for (String t : tables) {
      if (SqlTargets.references(f.sql(), t.substring(t.lastIndexOf('.') + 1))) {
        out.add(t);
      }
    }
    return out;
  }

  static Optional<LearnedSynonym> learn(Feedback f, String table, ModelIndex index) {
    if (QuestionCompiler.compile(f.question(), index).ok()) {
      return Optional.empty(); // the compiler already reads it: nothing to learn
    }
    List<Token> t = Text.tokens(f.question());
    Set<Integer> skip = new HashSet<>(TimeParser.parse(t).consumed());
    skip.addAll(Slots.read(t, skip).used);
    List<Mention> named = MentionFinder.find(index, t, skip);
    Optional<String> phrase = unknownPhrase(t, skip, named, index);
    if (phrase.isEmpty()) {
      return Optional.empty();
    }
    List<Mention> targets = f.correction() != null && !f.correction().isBlank() ? corrected(f.correction(), index)
        : SqlTargets.used(f.sql(), index);
    List<Mention> unnamed = targets.stream().filter(x -> named.stream().noneMatch(n -> same(n, x)))
        .filter(x -> x.kind() != Mention.Kind.DIMENSION || targets.stream().noneMatch(v -> v.kind() == Mention.Kind.VALUE
            && v.dimension().equals(x.dimension()))) // "el tipo Eólica": the value is the target, not its column
        .toList();
    if (unnamed.size() != 1) {
      return Optional.empty();
    }
    Mention m = unnamed.get(0);
    return Optional.of(switch (m.kind()) {
      case MEASURE -> new LearnedSynonym(table, LearnedSynonym.Kind.MEASURE, m.measure().name(), null, phrase.get(), f.evidence());
      case DIMENSION -> new LearnedSynonym(table, LearnedSynonym.Kind.DIMENSION, m.dimension().name(), null, phrase.get(),
          f.evidence());
      case VALUE -> new LearnedSynonym(table, LearnedSynonym.Kind.VALUE, m.dimension().name(), m.value(), phrase.get(),
          f.evidence());
    });
  }

  /** The one run of content words nothing reads (stop words may join it), or empty when there is none or several. */
  private static Optional<String> unknownPhrase(List<Token> t, Set<Integer> skip, List<Mention> named, ModelIndex index) {
    List<List<Token>> runs = new ArrayList<>();
    List<Token> run = null;
    for (Token w : t) {
      boolean stop = Text.STOP.contains(w.folded()) || QuestionCompiler.FILLER.contains(w.folded())
          || GRAMMAR.contains(w.folded());
      boolean unknown = !stop && !skip.contains(w.index()) && !w.numeric() && w.folded().length() >= 3
          && Character.isLetter(w.folded().charAt(0)) && named.stream().noneMatch(m -> m.start() <= w.index() && w.index() <= m.end())
          && !index.topic(w.stem()) && index.wordsLike(w).isEmpty();
      if (unknown) {
        if (run == null) {
          run = new ArrayList<>();
          runs.add(run);
        }
        run.add(w);
      } else if (!stop || run == null) {
        run = null;
      } else {
        run.add(w); // "energía de viento": a stop word inside a run; trimmed below if it ends it
      }
    }
    if (runs.size() != 1) {
      return Optional.empty();
    }
    List<Token> words = new ArrayList<>(runs.get(0));
    while (Text.STOP.contains(words.get(words.size() - 1).folded())) {
      words.remove(words.size() - 1);
    }
    return Optional.of(String.join(" ", words.stream().map(Token::raw).toList()));
  }

  /** What a correction names ("se refería a la potencia instalada"): the model's names found in it. */
  private static List<Mention> corrected(String correction, ModelIndex index) {
    List<Token> t = Text.tokens(correction);
    Set<Integer> skip = new HashSet<>(TimeParser.parse(t).consumed());
    skip.addAll(Slots.read(t, skip).used);
    return MentionFinder.find(index, t, skip).stream().filter(Mention::full).toList();
  }

  private static boolean same(Mention a, Mention b) {
    if (a.kind() != b.kind()) {
      return a.kind() == Mention.Kind.VALUE && b.kind() == Mention.Kind.DIMENSION && a.dimension().equals(b.dimension());
    }
    return switch (a.kind()) {
      case MEASURE -> a.measure().equals(b.measure());
      case DIMENSION -> a.dimension().equals(b.dimension());
      case VALUE -> a.dimension().equals(b.dimension()) && a.value().equalsIgnoreCase(b.value());
    };
  }
}
