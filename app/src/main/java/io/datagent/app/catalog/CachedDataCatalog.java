package io.datagent.app.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the table list for a while (describing every table costs a query per table on either side); previews and the
 * ingestion history always go through. {@link #refresh()} drops the cached list.
 */
public final class CachedDataCatalog implements DataCatalog {

  private record Entry(List<TableInfo> tables, Instant until) {}

  private final DataCatalog inner;
  private final Duration ttl;
  private final Clock clock;
  private volatile Entry entry;

  public CachedDataCatalog(DataCatalog inner, Duration ttl, Clock clock) {
    this.inner = inner;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public List<TableInfo> tables() {
    Entry e = entry;
    if (e == null || clock.instant().isAfter(e.until())) {
      synchronized (this) {
        e = entry;
        if (e == null || clock.instant().isAfter(e.until())) {
          e = new Entry(List.copyOf(inner.tables()), clock.instant().plus(ttl));
          entry = e;
        }
      }
    }
    return e.tables();
  }

  @Override
  public Optional<TableInfo> describe(String table) {
    return table(table).isPresent() ? inner.describe(table) : Optional.empty();
  }

  @Override
  public Optional<Rows> preview(String table, int limit, String userToken) {
    return table(table).isPresent() ? inner.preview(table, limit, userToken) : Optional.empty();
  }

  @Override
  public List<IngestionEntry> ingestions(String batchId, int limit) {
    return inner.ingestions(batchId, limit);
  }

  @Override
  public void refresh() {
    entry = null;
    inner.refresh();
  }
}
