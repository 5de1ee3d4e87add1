package io.datagent.ingestion.typing;

/** The serving-layer kind of a column, decided by {@link ColumnProfile#decide()}. */
public enum Kind {
  INTEGER,
  DECIMAL,
  DATE,
  BOOLEAN,
  TEXT
}
