package io.datagent.agent.catalog;

import java.util.List;

/**
 * One column of a table: name, SQL type, comment (its Spanish description) and a few distinct sample values as
 * text (possibly none).
 */
public record ColumnInfo(String name, String type, String comment, List<String> samples) {

  public ColumnInfo {
    samples = samples == null ? List.of() : List.copyOf(samples);
  }

  /** The ingestion lineage columns ({@code _source_file}, {@code _source_row}, {@code _batch_id}, {@code _ingested_at}). */
  public boolean lineage() {
    return name.startsWith("_");
  }
}
