package io.datagent.agent.trusted;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trusted queries in memory (tests, the command line). Thread-safe. */
public final class InMemoryTrustedQueries implements TrustedQueries {

  private final Map<String, TrustedQuery> byId = new LinkedHashMap<>();

  public InMemoryTrustedQueries(List<TrustedQuery> initial) {
    initial.forEach(this::save);
  }

  @Override
  public synchronized List<TrustedQuery> list() {
    return new ArrayList<>(byId.values());
  }

  @Override
  public synchronized TrustedQuery save(TrustedQuery q) {
    byId.put(q.id(), q);
    return q;
  }

  @Override
  public synchronized boolean delete(String id) {
    return byId.remove(id) != null;
  }
}
