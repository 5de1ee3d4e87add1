package io.datagent.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * Benchmark items kept with the App's state: questions an engineer promoted from the Chat page, each with the SQL
 * that answers it, checked when saved ({@link GroundTruth}). Implementations: the App's PostgreSQL
 * ({@code app.benchmark_items}); {@link #NONE} where there is no App state.
 */
public interface BenchmarkStore {

  /**
   * One stored item.
   *
   * @param problem why its expected SQL failed when saved (the item is then flagged), or null
   */
  record Stored(String id, String kind, String question, String sql, boolean ranked, int decimals, String problem,
      String author, Instant createdAt) {

    /** As a {@code sql} benchmark item. */
    public BenchmarkItem item() {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", BenchmarkItem.Expected.SQL)
          .put("ranked", ranked).put("decimals", decimals);
      return new BenchmarkItem(id, kind, "original", question, new BenchmarkItem.Expected(BenchmarkItem.Expected.SQL, node), sql);
    }
  }

  BenchmarkStore NONE = new BenchmarkStore() {
    @Override
    public List<Stored> list() {
      return List.of();
    }

    @Override
    public Stored save(Stored item) {
      throw new IllegalStateException("El banco de preguntas no está disponible aquí.");
    }

    @Override
    public boolean delete(String id) {
      return false;
    }
  };

  /** All of them, oldest first. */
  List<Stored> list();

  /** Stores {@code item} (replacing one with the same id). */
  Stored save(Stored item);

  boolean delete(String id);

  /** The items an evaluation scores: those whose ground truth ran when saved. */
  default List<BenchmarkItem> items() {
    return list().stream().filter(s -> s.problem() == null).map(Stored::item).toList();
  }
}
