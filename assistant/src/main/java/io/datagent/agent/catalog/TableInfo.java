package io.datagent.agent.catalog;

/** A table the agent may read: its schema, name and comment (the titles and notes of its source file). */
public record TableInfo(String schema, String name, String comment) {

  /** {@code schema.name}. */
  public String qualified() {
    return schema + "." + name;
  }
}
