package io.datagent.agent.trusted;

import java.util.List;
import java.util.Optional;

/**
 * Where the trusted queries live: the App's PostgreSQL state ({@code app.trusted_queries}), or memory in tests.
 *
 * @see InMemoryTrustedQueries
 */
public interface TrustedQueries {

  /** None stored (no App state: the command line, workspaces that do not use them). */
  TrustedQueries NONE = new TrustedQueries() {
    @Override
    public List<TrustedQuery> list() {
      return List.of();
    }

    @Override
    public TrustedQuery save(TrustedQuery q) {
      throw new IllegalStateException("Las consultas verificadas no están disponibles aquí.");
    }

    @Override
    public boolean delete(String id) {
      return false;
    }
  };

  /** All of them, oldest first. */
  List<TrustedQuery> list();

  /** Stores {@code q} (replacing one with the same id) and returns it. */
  TrustedQuery save(TrustedQuery q);

  /** Removes one; false when there was none with that id. */
  boolean delete(String id);

  default Optional<TrustedQuery> find(String id) {
    return list().stream().filter(q -> q.id().equals(id)).findFirst();
  }
}
