package io.datagent.app.catalog;

/** A column of a table as the Datos page shows it: name, SQL type and its comment (what the column means). */
public record ColumnInfo(String name, String type, String comment) {}
