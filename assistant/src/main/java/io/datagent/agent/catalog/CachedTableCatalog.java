package io.datagent.agent.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps another {@link TableCatalog}'s answers for a while (tables change only when a job loads files). */
public final class CachedTableCatalog implements TableCatalog {

  private record Entry<T>(T value, Instant at) {}

  private final TableCatalog delegate;
  private final Duration ttl;
  private final Clock clock;
  private volatile Entry<List<TableInfo>> tables;
  private final Map<String, Entry<Optional<TableDescription>>> descriptions = new ConcurrentHashMap<>();
  private final Map<String, Entry<Optional<TableDescription>>> outlines = new ConcurrentHashMap<>();

  public CachedTableCatalog(TableCatalog delegate, Duration ttl) {
    this(delegate, ttl, Clock.systemUTC());
  }

  CachedTableCatalog(TableCatalog delegate, Duration ttl, Clock clock) {
    this.delegate = delegate;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public List<TableInfo> listTables() {
    Entry<List<TableInfo>> e = tables;
    if (e == null || expired(e)) {
      e = new Entry<>(delegate.listTables(), clock.instant());
      tables = e;
    }
    return e.value();
  }

  @Override
  public Optional<TableDescription> describe(String table) {
    String key = table.toLowerCase(java.util.Locale.ROOT);
    Entry<Optional<TableDescription>> e = descriptions.get(key);
    if (e == null || expired(e)) {
      e = new Entry<>(delegate.describe(table), clock.instant());
      descriptions.put(key, e);
    }
    return e.value();
  }

  @Override
  public Optional<TableDescription> outline(String table) {
    String key = table.toLowerCase(java.util.Locale.ROOT);
    Entry<Optional<TableDescription>> full = descriptions.get(key);
    if (full != null && !expired(full)) {
      return full.value();
    }
    Entry<Optional<TableDescription>> e = outlines.get(key);
    if (e == null || expired(e)) {
      e = new Entry<>(delegate.outline(table), clock.instant());
      outlines.put(key, e);
    }
    return e.value();
  }

  /** Forgets everything (after an ingestion run). */
  public void invalidate() {
    tables = null;
    descriptions.clear();
    outlines.clear();
  }

  private boolean expired(Entry<?> e) {
    return clock.instant().isAfter(e.at().plus(ttl));
  }
}
