package io.datagent.app.catalog;

import java.util.List;

/** A small tabular result (a preview): column names, SQL types, values as JSON-friendly Java objects. */
public record Rows(List<String> columns, List<String> types, List<List<Object>> rows, boolean truncated) {}
