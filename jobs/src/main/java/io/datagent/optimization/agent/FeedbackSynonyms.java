package io.datagent.optimization.agent;

import io.datagent.agent.semantic.LearnedSynonym;
import io.datagent.agent.semantic.SynonymLearner;
import io.datagent.app.curation.TraceExport;
import io.datagent.app.trusted.PostgresTrustedQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synonyms the App's feedback teaches ({@link SynonymLearner}): trusted queries (each pattern with its SQL),
 * up-voted traces of the last 90 days (the question with the SQL that answered it) and down-voted ones whose comment
 * says what was meant. Each learned synonym keeps the feedback it came from as evidence.
 */
public final class FeedbackSynonyms implements Supplier<List<LearnedSynonym>> {

  private static final Logger LOG = LoggerFactory.getLogger(FeedbackSynonyms.class);
  static final Duration WINDOW = Duration.ofDays(90);

  private final DataSource state;
  private final Supplier<SynonymLearner> learner;

  /** @param learner the learner over the served agent's tables and semantic models, built when first asked */
  public FeedbackSynonyms(DataSource state, Supplier<SynonymLearner> learner) {
    this.state = state;
    this.learner = learner;
  }

  @Override
  public List<LearnedSynonym> get() {
    List<SynonymLearner.Feedback> feedback = feedback(state);
    if (feedback.isEmpty()) {
      return List.of();
    }
    List<LearnedSynonym> out = learner.get().learn(feedback);
    out.forEach(s -> LOG.info("sinónimo aprendido: «{}» → {} {}{} ({})", s.phrase(), s.kind(), s.target(),
        s.value() == null ? "" : " = " + s.value(), s.evidence()));
    return out;
  }

  /** The feedback in the App's state; a state without those tables yet has none. */
  static List<SynonymLearner.Feedback> feedback(DataSource state) {
    List<SynonymLearner.Feedback> out = new ArrayList<>();
    try {
      new PostgresTrustedQueries(state).list().forEach(q -> q.patterns().forEach(p ->
          out.add(new SynonymLearner.Feedback(p, q.sql(), null, "consulta confiable «" + q.title() + "»"))));
    } catch (RuntimeException e) {
      LOG.debug("sin consultas confiables: {}", e.getMessage());
    }
    try {
      for (TraceExport.Judged t : new TraceExport(state).judged(Instant.now().minus(WINDOW))) {
        String sql = String.join(";\n", t.sql());
        if (t.rating() >= 4) {
          out.add(new SynonymLearner.Feedback(t.question(), sql, null, "voto " + t.rating() + " a «" + t.question() + "»"));
        } else if (t.rating() <= 2 && t.comment() != null && !t.comment().isBlank()) {
          out.add(new SynonymLearner.Feedback(t.question(), sql, t.comment(), "voto " + t.rating() + " a «" + t.question()
              + "» con la corrección «" + t.comment() + "»"));
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("sin trazas valoradas: {}", e.getMessage());
    }
    return out;
  }
}
