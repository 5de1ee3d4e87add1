package io.datagent.ingestion.semantic;

import io.datagent.semantic.MetricViewYaml;
import io.datagent.semantic.SemanticModel;
import io.datagent.spark.TableRef;

/**
 * The statement that publishes a table's model as a Unity Catalog metric view {@code <table>_metricas} beside it:
 * {@code CREATE OR REPLACE VIEW … WITH METRICS LANGUAGE YAML AS $$ … $$}, the YAML's {@code source} being the table's
 * full name. Only the metric view document is sent (the sidecar is not part of the specification).
 */
public final class MetricViewSql {

  public static final String SUFFIX = "_metricas";

  private MetricViewSql() {}

  /** The metric view's name for a serving table. */
  public static TableRef view(TableRef table) {
    return TableRef.of(table.catalog(), table.schema(), table.table() + SUFFIX);
  }

  /**
   * @throws IllegalArgumentException when the YAML holds {@code $$}, which would end the dollar-quoted body
   */
  public static String create(TableRef table, SemanticModel model) {
    SemanticModel published = new SemanticModel(table.toString(), model.comment(), model.rowNoun(), model.dimensions(),
        model.measures());
    String yaml = MetricViewYaml.write(published);
    if (yaml.contains("$$")) {
      throw new IllegalArgumentException("el modelo de " + table + " contiene «$$», que cerraría el cuerpo de la vista");
    }
    return "CREATE OR REPLACE VIEW " + view(table).sql() + "\nWITH METRICS\nLANGUAGE YAML\nAS $$\n" + yaml + "$$";
  }
}
