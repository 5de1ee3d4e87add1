package io.datagent.retrieval;

import java.util.Set;

/** The kinds of searchable documents, as stored in the {@code kind} column of the documents tables. */
public final class DocumentKind {

  /** One per table: its description, columns with descriptions, types and example values. */
  public static final String TABLE_CARD = "table_card";
  /** One row of a serving table rendered as Spanish text (several when a row is longer than the chunk limit). */
  public static final String ROW = "row";
  /** A passage of a text or Markdown file from the uploads Volume. */
  public static final String PASSAGE = "passage";

  public static final Set<String> ALL = Set.of(TABLE_CARD, ROW, PASSAGE);

  private DocumentKind() {}
}
